import { DAY_MS } from '@journeykit/core'
import { HOUR_MS, MINUTE_MS, dayOf } from '../clock.js'
import { badExperience } from '../churn.js'
import { between, chance, pick } from '../random.js'
import type { Sim } from '../sim.js'
import { activeTime, emit, nextId, schedule } from '../sim.js'
import type { PlacedOrder } from './fulfilment.js'
import { contactAttempt } from './service.js'

interface Payment {
  readonly invoiceId: string
  readonly currency: string
  readonly amount: number
  readonly method: string
}

const failureReasons = [
  'card declined',
  'insufficient funds',
  'direct debit returned',
  'card expired',
] as const

/**
 * One attempt to pay (part of) an invoice. A failed attempt is usually retried a few days later, at most three
 * times; otherwise the invoice stays unpaid.
 */
const attempt =
  (payment: Payment, tries: number) =>
  (c: Sim): void => {
    const { invoiceId, currency, amount } = payment
    if (chance(c.rng, c.mix.paymentFailureRate)) {
      const reason = pick(c.rng, failureReasons)
      emit(
        c,
        'PaymentFailed',
        { paymentId: nextId(c, 'pay'), invoiceId, currency, amount, reason },
        invoiceId,
      )
      badExperience(c, 'paymentFailures')
      if (chance(c.rng, 0.25)) contactAttempt(c, 'billing', c.now + between(c.rng, 1, 48) * HOUR_MS)
      if (tries < 3 && chance(c.rng, 0.8))
        schedule(c, activeTime(c, c.now + between(c.rng, 2, 7) * DAY_MS), attempt(payment, tries + 1))
      return
    }
    emit(
      c,
      'PaymentReceived',
      { paymentId: nextId(c, 'pay'), invoiceId, currency, amount, method: payment.method },
      invoiceId,
    )
  }

/**
 * Invoices a delivered order. Persons mostly pay by card at once (else by transfer within two weeks);
 * organizations pay on 30-day terms, some late, some in two parts; one invoice in a hundred is never paid.
 */
export const bill = (c: Sim, order: PlacedOrder): void => {
  const invoiceId = nextId(c, 'inv')
  const organization = c.profile.kind === 'organization'
  const termDays = organization ? 30 : 14
  const { currency, amount } = order
  emit(
    c,
    'InvoiceIssued',
    {
      invoiceId,
      currency,
      amount,
      dueDate: c.world.clock.date(dayOf(c.now) + termDays),
      orderId: order.orderId,
    },
    invoiceId,
  )
  if (chance(c.rng, 0.01)) return
  if (!organization) {
    const card = chance(c.rng, 0.75)
    const at = card
      ? c.now + between(c.rng, MINUTE_MS, 20 * MINUTE_MS)
      : activeTime(c, c.now + between(c.rng, 1, 13) * DAY_MS)
    schedule(c, at, attempt({ invoiceId, currency, amount, method: card ? 'card' : 'transfer' }, 1))
    return
  }
  const payAt = activeTime(c, c.now + Math.max(1, termDays + between(c.rng, -20, 8)) * DAY_MS)
  if (amount >= 2 && chance(c.rng, 0.1)) {
    const first = Math.floor(amount / 2)
    schedule(c, payAt, attempt({ invoiceId, currency, amount: first, method: 'transfer' }, 1))
    schedule(
      c,
      payAt + between(c.rng, 10, 30) * DAY_MS,
      attempt({ invoiceId, currency, amount: amount - first, method: 'transfer' }, 1),
    )
    return
  }
  schedule(c, payAt, attempt({ invoiceId, currency, amount, method: 'transfer' }, 1))
}
