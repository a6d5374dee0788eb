import type { RecordedEvent } from '@journeykit/core'
import type { ProcessorEngine } from './processor/types.js'

/**
 * Applies a batch to every processor. Rebuilding processors fold it group by group, interleaved: the groups of
 * one partition key, one processor's after the other, while that key's events are still in the CPU's caches
 * (each processor's partitions see their events in global order and its portfolio every event, so every state is
 * what `apply` would give). Every processor then finishes the batch, even after another failed, and the first
 * failure in processor order is thrown: each processor's state and position stay consistent. Returns the most
 * partitions one processor had in the batch (how a rebuild sizes its next batch).
 */
export const applyBatch = (engines: readonly ProcessorEngine[], batch: readonly RecordedEvent[]): number => {
  const plans = engines.map((e) => e.plan(batch))
  let partitions = 0
  for (const plan of plans) partitions = Math.max(partitions, plan.groups.size)
  for (let i = 0; i < plans.length; i++) {
    const plan = plans[i]
    if (plan === undefined) continue
    if (sharedBefore(plans, i)) continue // folded with the plan that shares its groups
    for (const [key, group] of plan.groups) {
      if (foldedBefore(plans, i, key)) continue
      plan.fold(key, group)
      for (let j = i + 1; j < plans.length; j++) {
        const other = plans[j]
        if (other === undefined) continue
        const theirs = other.groups === plan.groups ? group : other.groups.get(key)
        if (theirs !== undefined) other.fold(key, theirs)
      }
    }
  }
  let failure: { readonly error: unknown } | undefined
  for (const plan of plans) {
    try {
      plan.finish()
    } catch (error) {
      failure ??= { error }
    }
  }
  if (failure !== undefined) throw failure.error
  return partitions
}

/** Whether a plan before `i` has the same groups (processors with one partition key share them). */
const sharedBefore = (plans: readonly { readonly groups: ReadonlyMap<string, unknown> }[], i: number) => {
  for (let j = 0; j < i; j++) if (plans[j]?.groups === plans[i]?.groups) return true
  return false
}

/** Whether a plan before `i` has a group of `key` (whose fold folded every later plan's group of it). */
const foldedBefore = (
  plans: readonly { readonly groups: ReadonlyMap<string, unknown> }[],
  i: number,
  key: string,
) => {
  for (let j = 0; j < i; j++) if (plans[j]?.groups.has(key) === true) return true
  return false
}
