import type { CommandName, CommandOf, CustomerCommand } from '@journeykit/core'
import { DAY_MS, toCalendarDate } from '@journeykit/core'
import type { JourneyModel } from './model.js'
import type { Step } from './steps.js'

/** A command of `type` for the model's customer at `at`. */
export const commandOf = <C extends CommandName>(
  m: JourneyModel,
  type: C,
  at: string,
  data: CommandOf<C>['data'],
): CommandOf<C> => ({ type, customerId: m.customerId, occurredAt: at, data })

/** Turns a step into a command valid for the model at `at`, or undefined when the step cannot apply. */
export type Resolver = (m: JourneyModel, s: Step, at: string, atMs: number) => CustomerCommand | undefined

/** An ISO instant in UTC without milliseconds when they are zero: `2024-05-01T09:30:00Z`. */
export const instantOf = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z')

/** The calendar date `days` days after `atMs` (UTC). */
export const dateAfter = (atMs: number, days: number): string => toCalendarDate(atMs + days * DAY_MS)
