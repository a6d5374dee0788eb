export * from './arbitraries/fields.js'
export * from './arbitraries/events.js'
