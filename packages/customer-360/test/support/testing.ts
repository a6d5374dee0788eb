export * from '@journeykit/testing'
