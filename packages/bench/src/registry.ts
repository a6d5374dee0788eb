import type { Bench } from './harness.js'

/** Every benchmark `pnpm bench` knows, in the order they run. Add yours here. */
export const benches: readonly Bench[] = []
