import type { EventType, JourneyEvent } from '@journeykit/core'
import { definitionOf, isJourneyEvent, toEpochMs } from '@journeykit/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { viewAsOf } from '../src/index.js'
import { event, registered, stateOf } from './support/events.js'
import { anyEventArb, eventOfTypeArb, journeyArb } from './support/testing.js'

/** Fields the catalogue marks as personal data, and every free-text field (comments, reasons, texts). */
const personalFields = (type: EventType): string[] => {
  const definition = definitionOf(type)
  return Object.entries({ ...definition.required, ...definition.optional })
    .filter(([, [codec, description]]) => description.includes('personal data') || codec.name === 'FreeText')
    .map(([field]) => field)
}

const personalStrings = (events: readonly JourneyEvent[]): string[] =>
  events.flatMap((e) => {
    const data: Readonly<Record<string, unknown>> = e.data
    return personalFields(e.type).flatMap((field) => {
      const value = data[field]
      return typeof value === 'string' && value.length > 0 ? [value] : []
    })
  })

/** The same events with every personal value replaced by a distinct marker that generated text never contains. */
const redacted = (events: readonly JourneyEvent[]): JourneyEvent[] => {
  let n = 0
  return events.map((e) => {
    const data: Record<string, unknown> = { ...e.data }
    for (const field of personalFields(e.type)) if (typeof data[field] === 'string') data[field] = `§${++n}`
    const candidate: unknown = { ...e, data }
    if (!isJourneyEvent(candidate)) throw new Error(`redacting made an invalid ${e.type}`)
    return candidate
  })
}

const asJson = (value: unknown): string => JSON.stringify(value)
const inJson = (s: string): string => JSON.stringify(s).slice(1, -1)

/**
 * The personal strings of the history that appear in the view (at any of several instants) or in the state,
 * except those that appear just as well when every personal value is redacted (some other, anonymous value).
 */
const personalDataLeft = (events: readonly JourneyEvent[], customerId: string): string[] => {
  const state = stateOf(events, customerId)
  const reference = stateOf(redacted(events), customerId)
  const times = events.map((e) => toEpochMs(e.occurredAt))
  const instants = [Math.min(...times), ...times, Math.max(...times) + 1]
  const outputs = [
    [asJson(state), asJson(reference)],
    ...instants.map((at) => [asJson(viewAsOf(state, at)), asJson(viewAsOf(reference, at))]),
  ]
  return personalStrings(events).filter((personal) =>
    outputs.some(
      ([actual = '', anonymous = '']) =>
        actual.includes(inJson(personal)) && !anonymous.includes(inJson(personal)),
    ),
  )
}

const expectNoPersonalData = (events: readonly JourneyEvent[], customerId: string): void => {
  expect(stateOf(events, customerId).erased).toBe(true)
  expect(personalDataLeft(events, customerId)).toEqual([])
}

describe('CustomerForgotten', () => {
  it('drops names, identities, contact persons and free text, keeping anonymous aggregates', () => {
    const s = stateOf([
      event(
        'CustomerRegistered',
        { kind: 'organization', name: 'Acme GmbH', country: 'DE', segment: 'smb' },
        '2024-01-01',
      ),
      event('IdentityLinked', { kind: 'phone', value: '+49 30 1234567' }, '2024-01-02'),
      event(
        'ContactPersonAdded',
        { personId: 'p1', name: 'Grace Hopper', role: 'CTO', champion: true, phone: '+1 555' },
        '2024-01-02',
      ),
      event(
        'InquiryReceived',
        { inquiryId: 'q1', channel: 'email', topic: 'billing', text: 'My IBAN is DE00' },
        '2024-01-03',
      ),
      event(
        'ComplaintFiled',
        {
          complaintId: 'k1',
          channel: 'phone',
          category: 'delivery',
          severity: 'high',
          comment: 'rude driver',
        },
        '2024-01-04',
      ),
      event('SurveyAnswered', { surveyId: 's1', nps: 3, comment: 'call me on +1 555' }, '2024-01-05'),
      event('CustomerForgotten', { requestedBy: 'the customer', ticket: 'GDPR-1' }, '2024-02-01'),
      event('ProfileUpdated', { name: 'Acme AG' }, '2024-03-01'),
      event(
        'InquiryReceived',
        { inquiryId: 'q2', channel: 'chat', topic: 'account', text: 'still there?' },
        '2024-03-02',
      ),
    ])
    const view = viewAsOf(s, '2024-06-01')
    const json = JSON.stringify(view)
    for (const personal of [
      'Acme GmbH',
      'Acme AG',
      '+49 30',
      'Grace',
      '+1 555',
      'IBAN',
      'rude',
      'still there',
    ])
      expect(json).not.toContain(personal)
    expect(view).toMatchObject({ erased: true, forgottenAt: '2024-02-01T00:00:00.000Z' })
    expect(view.profile).toMatchObject({ name: null, country: 'DE', segment: 'smb' })
    expect(view.identities).toEqual([
      { kind: 'phone', value: null, system: null, linkedAt: '2024-01-02T00:00:00.000Z' },
    ])
    expect(view.contactPersons).toMatchObject({ added: 1, active: 1, champions: 1 })
    expect(view.service.inquiries).toMatchObject({ received: 2, open: 2 })
    expect(view.feedback.nps).toMatchObject({ score: 3, category: 'detractor' })
    expect(viewAsOf(s, '2024-01-10').profile.name).toBeNull()
  })

  it('leaves no personal data from random histories of one customer, including events after the erasure', () => {
    const one = { customerId: fc.constant('c1') }
    fc.assert(
      fc.property(
        fc.array(anyEventArb(one), { maxLength: 25 }),
        eventOfTypeArb('CustomerForgotten', one),
        fc.array(anyEventArb(one), { maxLength: 10 }),
        (before, forgotten, after) => expectNoPersonalData([...before, forgotten, ...after], 'c1'),
      ),
      { numRuns: 150 },
    )
  })

  it('leaves no personal data from generated journeys that end in an erasure, whatever follows', () => {
    fc.assert(
      fc.property(
        journeyArb({ forget: true, maxSteps: 30 }).filter((j) =>
          j.events.some((e) => e.type === 'CustomerForgotten'),
        ),
        fc.array(anyEventArb({ customerId: fc.constant('ada') }), { maxLength: 8 }),
        (journey, after) =>
          expectNoPersonalData(
            [...journey.events, ...after.map((e) => ({ ...e, customerId: journey.customerId }))],
            journey.customerId,
          ),
      ),
      { numRuns: 60 },
    )
  })

  it('finds personal data where there is no erasure (the check can fail)', () => {
    const history = [
      registered('2024-01-01'),
      event(
        'InquiryReceived',
        { inquiryId: 'q1', channel: 'email', topic: 'billing', text: 'call me' },
        '2024-01-02',
      ),
    ]
    expect(personalDataLeft(history, 'c1')).toEqual(['Ada Lovelace', 'call me'])
    expect(personalDataLeft([...history, event('CustomerForgotten', {}, '2024-02-01')], 'c1')).toEqual([])
  })
})
