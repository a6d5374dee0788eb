import type { EventFact, JourneyFacts, JourneyStage, StageRules } from '@journeykit/core'
import { evolveJourneyFacts, fact, initialJourneyFacts, journeyStage } from '@journeykit/core'
import type { Customer360State } from '../state/state.js'
import { archiveAsOf, recordsOf } from '../state/table.js'
import { contractAsOf } from './contracts.js'
import { happened } from './window.js'

const iso = (ms: number): string => new Date(ms).toISOString()

/**
 * The journey facts as of an instant, rebuilt from the kept records in occurredAt order (so events recorded out
 * of order count where they happened): registration, the first engagement, every order placed (cancelled ones
 * too), completed deliveries, and subscriptions started and cancelled by then.
 */
export const journeyFactsAsOf = (s: Customer360State, asOfMs: number, rules: StageRules): JourneyFacts => {
  const facts: { at: number; fact: EventFact }[] = []
  if (happened(s.registeredMs, asOfMs))
    facts.push({
      at: s.registeredMs,
      fact: fact('CustomerRegistered', { kind: 'person', name: '-', country: 'DE' }, iso(s.registeredMs)),
    })
  if (happened(s.engagedMs, asOfMs))
    facts.push({ at: s.engagedMs, fact: fact('LeadCaptured', { source: 'engagement' }, iso(s.engagedMs)) })
  const orders = s.orders === null ? [] : Object.entries(s.orders.byId)
  for (const [orderId, r] of orders)
    if (happened(r.at, asOfMs))
      facts.push({
        at: r.at,
        fact: fact(
          'OrderPlaced',
          { orderId, currency: r.currency ?? 'EUR', amount: r.amount, lines: [], channel: 'web' },
          iso(r.at),
        ),
      })
  for (const d of recordsOf(s.deliveries))
    if (happened(d.completedMs, asOfMs))
      facts.push({
        at: d.completedMs,
        fact: fact('DeliveryCompleted', { deliveryId: '-', orderId: d.orderId }, iso(d.completedMs)),
      })
  for (const r of recordsOf(s.subscriptions)) {
    if (!happened(r.at, asOfMs)) continue
    facts.push({
      at: r.at,
      fact: fact('SubscriptionStarted', { subscriptionId: '-', plan: '-', endsOn: '2000-01-01' }, iso(r.at)),
    })
    const contract = contractAsOf(r, asOfMs)
    const cancel = r.changes.find((c) => c.cancelled && c.at <= asOfMs)
    if (contract !== undefined && contract.status !== 'active' && cancel !== undefined)
      facts.push({
        at: cancel.at,
        fact: fact('SubscriptionCancelled', { subscriptionId: '-', endsOn: contract.endsOn }, iso(cancel.at)),
      })
  }
  facts.sort((a, b) => a.at - b.at)
  const journey = initialJourneyFacts()
  for (const f of facts) evolveJourneyFacts(journey, f.fact, rules)
  const archived = archiveAsOf(s.orders, asOfMs)
  if (archived !== null && s.firstOrderMs !== null) {
    journey.orders += archived.placed
    journey.firstOrderMs = Math.min(journey.firstOrderMs ?? s.firstOrderMs, s.firstOrderMs)
  }
  return journey
}

export const stageAsOf = (s: Customer360State, asOfMs: number, rules: StageRules): JourneyStage =>
  journeyStage(journeyFactsAsOf(s, asOfMs, rules), asOfMs, rules)
