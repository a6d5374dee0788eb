import type { JourneyEvent, RecordedEvent } from '@journeykit/core'
import type { ProjectionDefinition, ProjectionState } from '@journeykit/projections'
import { foldProjection } from '@journeykit/projections'
import { isDeepStrictEqual } from 'node:util'
import type { Check } from './decider.js'
import { SpecificationFailed } from './decider.js'
import { formatJourney, formatValue } from './format.js'

const isRecorded = (e: JourneyEvent | RecordedEvent): e is RecordedEvent =>
  'position' in e && typeof e.position === 'bigint' && 'revision' in e && typeof e.revision === 'bigint'

/**
 * Gives events store positions as a store would: global positions `first`, `first + step`, ... (not
 * contiguous, like the memory store's 128 + 16·i) and 0-based revisions per stream. Events that already carry
 * a position keep theirs.
 */
export const recordEvents = (
  events: readonly (JourneyEvent | RecordedEvent)[],
  first = 128n,
  step = 16n,
): RecordedEvent[] => {
  const revisions = new Map<string, bigint>()
  return events.map((event, i) => {
    const revision = revisions.get(event.streamId) ?? 0n
    revisions.set(event.streamId, revision + 1n)
    return isRecorded(event) ? event : { ...event, position: first + step * BigInt(i), revision }
  })
}

export interface ProjectionThen<S, G> {
  /**
   * The state of one partition equals `expected` (deep equality) or passes the check. `partition` defaults
   * to the only partition the events produced.
   */
  then(expected: S | Check<S>, partition?: string): S
  /** The state of one partition (default: the only one), for assertions of your own. */
  stateOf(partition?: string): S
  /** Exactly these partitions, with these states. */
  thenPartitions(expected: Readonly<Record<string, S>>): void
  /** The portfolio state equals `expected` or passes the check. */
  thenPortfolio(expected: G | Check<G>): G
  /** Any check of the whole result (partitions, portfolio, position). */
  thenState(check: Check<ProjectionState<S, G>>): ProjectionState<S, G>
}

/** `given(events).then(state)` for one projection. */
export type ProjectionSpecification<S, G> = (
  given: readonly (JourneyEvent | RecordedEvent)[],
) => ProjectionThen<S, G>

const isCheck = <T>(u: T | Check<T>): u is Check<T> => typeof u === 'function'
const describeError = (e: unknown): string => (e instanceof Error ? e.message : formatValue(e))

const forProjection =
  <S, G>(definition: ProjectionDefinition<S, G>): ProjectionSpecification<S, G> =>
  (given) => {
    const context = `projection ${definition.name} v${definition.version}, given ${given.length} event(s):\n${formatJourney(given)}`
    const fail = (what: string, detail: string): never => {
      throw new SpecificationFailed(`Projection specification failed: ${what}\n${context}\n${detail}`)
    }
    let result: ProjectionState<S, G>
    try {
      result = foldProjection(definition, recordEvents(given))
    } catch (e) {
      return fail('a handler threw', describeError(e))
    }
    const verify = <T>(what: string, actual: T, expected: T | Check<T>): T => {
      if (isCheck(expected)) {
        try {
          expected(actual)
        } catch (e) {
          fail(`the check of ${what} failed`, `${describeError(e)}\nactual ${formatValue(actual)}`)
        }
      } else if (!isDeepStrictEqual(actual, expected))
        fail(
          `another ${what} than expected`,
          `expected ${formatValue(expected)}\nactual   ${formatValue(actual)}`,
        )
      return actual
    }
    const keys = [...result.partitions.keys()]
    const partitionState = (partition: string | undefined): [string, S] => {
      const key = partition ?? (keys.length === 1 ? keys[0] : undefined)
      if (key === undefined)
        return fail(
          'which partition?',
          `the events produced ${keys.length} partitions (${keys.join(', ')}); name one`,
        )
      const state = result.partitions.get(key)
      if (state === undefined)
        return fail(`no state for partition ${key}`, `partitions: ${keys.join(', ') || '(none)'}`)
      return [key, state]
    }
    return {
      then: (expected, partition) => {
        const [key, state] = partitionState(partition)
        return verify(`state of ${key}`, state, expected)
      },
      stateOf: (partition) => partitionState(partition)[1],
      thenPartitions: (expected) => {
        verify('partitions', Object.fromEntries(result.partitions), expected)
      },
      thenPortfolio: (expected) => {
        const portfolio = result.portfolio
        if (portfolio === undefined) return fail('no portfolio state', 'the projection defines no portfolio')
        return verify('portfolio state', portfolio, expected)
      },
      thenState: (check) => verify('projection state', result, check),
    }
  }

/**
 * Given/then specifications of a projection: the events are given store positions (`recordEvents`), folded
 * with `foldProjection`, and the resulting state compared.
 * ```ts
 * ProjectionSpecification.for(ordersPerCustomer)([registered, placed]).then({ orders: 1 })
 * ```
 */
export const ProjectionSpecification = { for: forProjection } as const
