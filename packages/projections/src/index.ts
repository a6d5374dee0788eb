export * from './define.js'
export * from './fold.js'
export * from './errors.js'
export type { DeadLetter, ProjectionStats } from './stats.js'
export type { PartitionMap } from './partition-map.js'
export * from './checkpoint/port.js'
export * from './checkpoint/memory.js'
export * from './checkpoint/json.js'
export type { ErrorPolicy, FreezePolicy } from './processor/context.js'
export type {
  BatchPlan,
  ProcessorEngine,
  ProcessorOptions,
  ProjectionChange,
  ProjectionProcessor,
  ProjectionSnapshot,
} from './processor/types.js'
export { projectionProcessor } from './processor/processor.js'
export type { ProgressOptions, RebuildProgress } from './progress.js'
export type { EventBatches, RebuildSource } from './source.js'
export { inBatches } from './source.js'
export type { RebuildOptions, RebuildReport } from './rebuild.js'
export { rebuildProjections } from './rebuild.js'
export type { ProjectionRunner, RunnerOptions, RunnerStatus } from './runner.js'
export { runProjections } from './runner.js'
export type { HostChange, ProjectionHost, ProjectionHostOptions, Takeover } from './host.js'
export { projectionHost } from './host.js'
