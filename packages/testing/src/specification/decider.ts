import type { Decider } from '@journeykit/core'
import { foldState } from '@journeykit/core'
import { isDeepStrictEqual } from 'node:util'
import { formatCommand, formatJourney, formatValue } from './format.js'

/** A given/when/then specification did not hold; the message shows the journey and what differed. */
export class SpecificationFailed extends Error {
  readonly _tag = 'SpecificationFailed'
  override readonly name = 'SpecificationFailed'
}

export type Check<T> = (value: T) => void
const isCheck = <T>(u: unknown): u is Check<T> => typeof u === 'function'

export interface DeciderThen<E, S, Err> {
  /** The command is accepted with exactly these events (deep equality); returns them. */
  then(expected: readonly E[] | ((events: readonly E[], state: S) => void)): readonly E[]
  /** The command is refused with an error having these fields (each compared deeply), or passing the check. */
  thenRefuses(expected?: Partial<Err> | Check<Err>): Err
  /** The state after the given events and the command's events equals `expected` (or passes the check). */
  thenState(expected: S | Check<S>): S
}

export interface DeciderWhen<C, E, S, Err> {
  when(command: C): DeciderThen<E, S, Err>
}

/** `given(events).when(command).then(events)` for one decider. */
export type DeciderSpecification<C, E, S, Err> = (given?: readonly E[]) => DeciderWhen<C, E, S, Err>

type Outcome<E, Err> =
  | { readonly _tag: 'Right'; readonly right: readonly E[] }
  | { readonly _tag: 'Left'; readonly left: Err }
  | { readonly _tag: 'Threw'; readonly error: unknown }

const describeError = (e: unknown): string =>
  e instanceof Error ? `${e.name}: ${e.message}` : formatValue(e)

/** `(CustomerNotRegistered) PlaceOrder refused for ...` for errors with a code (or tag) and a message. */
const describeRefusal = (e: unknown): string => {
  if (typeof e !== 'object' || e === null) return formatValue(e)
  const message: unknown = Reflect.get(e, 'message')
  const code: unknown = Reflect.get(e, 'code') ?? Reflect.get(e, '_tag')
  if (typeof message !== 'string') return formatValue(e)
  return typeof code === 'string' ? `(${code}) ${message}` : message
}

const forDecider =
  <C, E, S, Err>(decider: Decider<C, E, S, Err>): DeciderSpecification<C, E, S, Err> =>
  (given = []) => ({
    when: (command) => {
      const context = [
        `given ${given.length} event(s):`,
        formatJourney(given),
        'when:',
        `  ${formatCommand(command)}`,
      ].join('\n')
      const fail = (what: string, detail: string): never => {
        throw new SpecificationFailed(`Decider specification failed: ${what}\n${context}\n${detail}`)
      }
      let state: S
      try {
        state = foldState(decider, given)
      } catch (e) {
        return fail('evolve threw on the given events', describeError(e))
      }
      let outcome: Outcome<E, Err>
      try {
        outcome = decider.decide(command, state)
      } catch (error) {
        outcome = { _tag: 'Threw', error }
      }
      const describeOutcome = (): string =>
        outcome._tag === 'Right'
          ? `but it was accepted with ${outcome.right.length} event(s):\n${formatJourney(outcome.right)}`
          : outcome._tag === 'Left'
            ? `but it was refused ${describeRefusal(outcome.left)}`
            : `but decide threw: ${describeError(outcome.error)}`
      const accepted = (): readonly E[] =>
        outcome._tag === 'Right'
          ? outcome.right
          : fail('expected the command to be accepted', describeOutcome())
      const runCheck = (what: string, check: () => void): void => {
        try {
          check()
        } catch (e) {
          fail(what, `${describeError(e)}\n${describeOutcome()}`)
        }
      }
      return {
        then: (expected) => {
          const events = accepted()
          if (typeof expected === 'function') {
            runCheck('the check of the events failed', () =>
              expected(events, foldState(decider, events, state)),
            )
          } else if (!isDeepStrictEqual([...events], [...expected]))
            fail(
              'other events than expected',
              `expected ${expected.length} event(s):\n${formatJourney(expected)}\n${describeOutcome()}`,
            )
          return events
        },
        thenRefuses: (expected) => {
          if (outcome._tag !== 'Left') return fail('expected the command to be refused', describeOutcome())
          const error = outcome.left
          if (expected === undefined) return error
          if (isCheck<Err>(expected)) runCheck('the check of the refusal failed', () => expected(error))
          else {
            const differing = Object.entries(expected).filter(
              ([key, value]) => !isDeepStrictEqual(Reflect.get(Object(error), key), value),
            )
            if (differing.length > 0)
              fail(
                'refused with another error than expected',
                `expected ${differing.map(([k, v]) => `${k}=${formatValue(v)}`).join(' ')}\n${describeOutcome()}`,
              )
          }
          return error
        },
        thenState: (expected) => {
          const after = foldState(decider, accepted(), state)
          if (isCheck<S>(expected)) runCheck('the check of the state failed', () => expected(after))
          else if (!isDeepStrictEqual(after, expected))
            fail(
              'another state than expected',
              `expected ${formatValue(expected)}\nactual   ${formatValue(after)}`,
            )
          return after
        },
      }
    },
  })

/**
 * Given/when/then specifications of a decider, in the spirit of Emmett's `DeciderSpecification`:
 * ```ts
 * const given = DeciderSpecification.for(customerDecider)
 * given([registered]).when(placeOrder).then([fact('OrderPlaced', data, at)])
 * given([]).when(placeOrder).thenRefuses({ code: 'CustomerNotRegistered' })
 * ```
 * A failed specification throws `SpecificationFailed` showing the given events (one per line), the command,
 * and what happened instead, so it works in any test runner and inside fast-check properties.
 */
export const DeciderSpecification = { for: forDecider } as const
