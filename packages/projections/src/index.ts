export * from './define.js'
export * from './fold.js'
