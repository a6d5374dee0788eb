import type { Channel, EventType, JourneyEvent } from '@journeykit/core'
import { channels, deadlineMs, eventTypes, toEpochMs } from '@journeykit/core'
import { beforeAll, describe, expect, it } from 'vitest'
import type { CustomerTruth } from '../src/index.js'
import { simulate, totalBadExperiences } from '../src/index.js'

/** What the mix tests look at, gathered in one pass over a simulation with the default mix. */
interface Seen {
  readonly types: Map<EventType, number>
  readonly inquiryChannels: Set<Channel>
  readonly orderChannels: Set<Channel>
  readonly deliveries: { completed: number; late: number }
  /** Bad experiences by customer, as the events show them: `kind/customerId` to a count. */
  readonly bad: Map<string, number>
  readonly managerAtEnd: Map<string, string | undefined>
  readonly currencies: Map<string, Set<string>>
  readonly kinds: Map<string, string>
  readonly contactPersonsAt: Set<string>
  readonly lastOrderMs: Map<string, number>
  readonly truth: readonly CustomerTruth[]
}

const observe = (events: Iterable<JourneyEvent>): Omit<Seen, 'truth'> => {
  const seen: Omit<Seen, 'truth'> = {
    types: new Map(),
    inquiryChannels: new Set(),
    orderChannels: new Set(),
    deliveries: { completed: 0, late: 0 },
    bad: new Map(),
    managerAtEnd: new Map(),
    currencies: new Map(),
    kinds: new Map(),
    contactPersonsAt: new Set(),
    lastOrderMs: new Map(),
  }
  const champions = new Set<string>()
  const bad = (kind: keyof CustomerTruth['badExperiences'], customerId: string): void => {
    const key = `${kind}/${customerId}`
    seen.bad.set(key, (seen.bad.get(key) ?? 0) + 1)
  }
  const promises = new Map<string, { promisedBy: string; timeZone: string | undefined }>()
  const currency = (customerId: string, code: string): void => {
    const set = seen.currencies.get(customerId) ?? new Set()
    set.add(code)
    seen.currencies.set(customerId, set)
  }
  for (const e of events) {
    seen.types.set(e.type, (seen.types.get(e.type) ?? 0) + 1)
    switch (e.type) {
      case 'CustomerRegistered':
        seen.kinds.set(e.customerId, e.data.kind)
        seen.managerAtEnd.set(e.customerId, undefined)
        break
      case 'InquiryReceived':
        seen.inquiryChannels.add(e.data.channel)
        break
      case 'OrderPlaced':
        seen.orderChannels.add(e.data.channel)
        currency(e.customerId, e.data.currency)
        seen.lastOrderMs.set(e.customerId, toEpochMs(e.occurredAt))
        if (e.data.amount !== e.data.lines.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0))
          throw new Error(`order ${e.data.orderId}: the amount is not the sum of its lines`)
        break
      case 'InvoiceIssued':
      case 'PaymentReceived':
        currency(e.customerId, e.data.currency)
        break
      case 'DeliveryPromised':
        promises.set(e.data.deliveryId, { promisedBy: e.data.promisedBy, timeZone: e.data.timeZone })
        break
      case 'DeliveryCompleted': {
        const promise = promises.get(e.data.deliveryId)
        if (promise === undefined)
          throw new Error(`delivery ${e.data.deliveryId} completed without a promise`)
        seen.deliveries.completed++
        // The 360 view's rule: late only when it arrives after the promised day ends in the promise's zone.
        if (toEpochMs(e.occurredAt) >= deadlineMs(promise.promisedBy, promise.timeZone)) {
          seen.deliveries.late++
          bad('lateDeliveries', e.customerId)
        }
        break
      }
      case 'AccountManagerAssigned':
        seen.managerAtEnd.set(e.customerId, e.data.managerId)
        break
      case 'AccountManagerUnassigned':
        seen.managerAtEnd.set(e.customerId, undefined)
        break
      case 'ContactPersonAdded':
        seen.contactPersonsAt.add(e.customerId)
        if (e.data.champion) champions.add(e.data.personId)
        break
      case 'ContactPersonLeft':
        if (champions.has(e.data.personId)) bad('championsLeft', e.customerId)
        break
      case 'DeliveryFailed':
        bad('failedDeliveries', e.customerId)
        break
      case 'CallbackMissed':
        bad('missedCallbacks', e.customerId)
        break
      case 'PaymentFailed':
        bad('paymentFailures', e.customerId)
        break
      case 'SurveyAnswered':
        if ((e.data.nps ?? 10) <= 6 || (e.data.csat ?? 5) <= 2) bad('detractorSurveys', e.customerId)
        break
      default:
        break
    }
  }
  return seen
}

describe('the default mix', () => {
  let seen: Seen
  beforeAll(() => {
    const simulation = simulate({ customers: 1500, seed: 42 })
    seen = { ...observe(simulation), truth: simulation.truth() }
  })

  it('has every event type', () => {
    expect(eventTypes.filter((type) => !seen.types.has(type))).toEqual([])
    expect(seen.types.get('CustomerRegistered')).toBe(1500)
  })

  it('has every channel: inquiries come in on all of them, orders on all but the IVR', () => {
    expect([...seen.inquiryChannels].sort()).toEqual([...channels].sort())
    expect([...seen.orderChannels].sort()).toEqual(channels.filter((c) => c !== 'ivr').sort())
  })

  it('has some late deliveries, judged by the promise in its time zone, and mostly punctual ones', () => {
    const share = seen.deliveries.late / seen.deliveries.completed
    expect(share).toBeGreaterThan(0.03)
    expect(share).toBeLessThan(0.2)
  })

  it('has persons and organizations; only organizations have contact persons; one currency each', () => {
    const kinds = [...seen.kinds.values()]
    expect(kinds.filter((k) => k === 'organization').length).toBeGreaterThan(150)
    expect(kinds.filter((k) => k === 'person').length).toBeGreaterThan(900)
    for (const customerId of seen.contactPersonsAt) expect(seen.kinds.get(customerId)).toBe('organization')
    for (const set of seen.currencies.values()) expect(set.size).toBe(1)
    expect(new Set([...seen.currencies.values()].flatMap((s) => [...s])).size).toBeGreaterThanOrEqual(5)
  })

  it('leaves some customers owned by nobody, among organizations too', () => {
    const unowned = [...seen.managerAtEnd].filter(([, manager]) => manager === undefined).map(([id]) => id)
    expect(unowned.length).toBeGreaterThan(100)
    expect(unowned.filter((id) => seen.kinds.get(id) === 'organization').length).toBeGreaterThan(10)
    expect(seen.managerAtEnd.size - unowned.length).toBeGreaterThan(200)
  })

  it('makes some customers churn, and churners had more bad experiences (per active year) than the rest', () => {
    const churners = seen.truth.filter((t) => t.churned)
    const stayers = seen.truth.filter((t) => !t.churned)
    expect(churners.length).toBeGreaterThan(200)
    expect(stayers.length).toBeGreaterThan(1000)
    const perYear = (ts: readonly CustomerTruth[]): number =>
      ts.reduce((sum, t) => sum + totalBadExperiences(t.badExperiences), 0) /
      ts.reduce((sum, t) => sum + t.activeDays / 365, 0)
    expect(perYear(churners)).toBeGreaterThan(1.5 * perYear(stayers))
    const mean = (ts: readonly CustomerTruth[]): number =>
      ts.reduce((sum, t) => sum + totalBadExperiences(t.badExperiences), 0) / ts.length
    expect(mean(churners)).toBeGreaterThan(mean(stayers))
  })

  it('stops a churner buying: no order after the moment they churned', () => {
    for (const t of seen.truth) {
      if (t.churnedAt === undefined) continue
      expect(seen.lastOrderMs.get(t.customerId) ?? 0).toBeLessThanOrEqual(toEpochMs(t.churnedAt))
    }
  })

  it('counts bad experiences in the ground truth as the events show them (late by the 360 rule, ...)', () => {
    const kinds = [
      'lateDeliveries',
      'failedDeliveries',
      'missedCallbacks',
      'paymentFailures',
      'detractorSurveys',
      'championsLeft',
    ] as const
    for (const t of seen.truth)
      for (const kind of kinds) {
        const shown = seen.bad.get(`${kind}/${t.customerId}`) ?? 0
        // Churners' counts stop when they churn; the events go on (an order in flight can still arrive late).
        if (t.churned) expect(t.badExperiences[kind]).toBeLessThanOrEqual(shown)
        else expect(t.badExperiences[kind]).toBe(shown)
      }
  })

  it('forgets a few customers', () => {
    const forgotten = seen.truth.filter((t) => t.forgottenAt !== undefined)
    expect(forgotten.length).toBe(seen.types.get('CustomerForgotten'))
    expect(forgotten.length).toBeGreaterThan(0)
    expect(forgotten.length).toBeLessThan(100)
  })
})
