export * from './harness.js'
export { benches } from './registry.js'
