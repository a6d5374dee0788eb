import { DAY_MS } from '@journeykit/core'
import { HOUR_MS, MINUTE_MS, dayOf } from '../clock.js'
import { badExperience } from '../churn.js'
import { between, chance, exponential, intBetween, pick } from '../random.js'
import { carriers, warrantyYears } from '../reference-data.js'
import type { Sim } from '../sim.js'
import { activeTime, emit, localDay, localTime, nextId, schedule } from '../sim.js'
import { bill } from './billing.js'
import { askSurvey } from './feedback.js'
import { contactAttempt, maybeComplain } from './service.js'

export interface OrderLine {
  readonly sku: string
  readonly quantity: number
  readonly unitPrice: number
}

export interface PlacedOrder {
  readonly orderId: string
  readonly currency: string
  readonly amount: number
  readonly lines: readonly OrderLine[]
}

const cancelReasons = ['changed my mind', 'found it cheaper', 'ordered by mistake', 'took too long'] as const
const failReasons = [
  'address not found',
  'lost in transit',
  'damaged in transit',
  'recipient absent',
] as const

/** An order is cancelled before it ships, or delivered (a failed delivery is retried or the order cancelled). */
export const fulfil = (c: Sim, order: PlacedOrder): void => {
  if (chance(c.rng, c.mix.cancellationRate)) {
    const byCustomer = chance(c.rng, 0.75)
    schedule(c, c.now + between(c.rng, 10 * MINUTE_MS, 20 * HOUR_MS), (s) =>
      emit(
        s,
        'OrderCancelled',
        {
          orderId: order.orderId,
          by: byCustomer ? 'customer' : 'company',
          reason: byCustomer ? pick(s.rng, cancelReasons) : 'out of stock',
        },
        order.orderId,
      ),
    )
    return
  }
  deliver(c, order, 1)
}

/**
 * One delivery of an order: promised for a local calendar date in the customer's time zone (or, for one in ten,
 * by an instant: 20:00 local on that day), shipped, then completed on time, late, or failed. Completion times
 * fall within local business hours (standard time), so the promise's calendar day decides lateness exactly as
 * the customer 360 view does (late only when it arrives after the promised day ends in that zone).
 */
const deliver = (c: Sim, order: PlacedOrder, attempt: number): void => {
  const { orderId } = order
  const deliveryId = nextId(c, 'del')
  const organization = c.profile.kind === 'organization'
  const promiseDay = localDay(c, c.now) + intBetween(c.rng, 3, organization ? 7 : 5)
  const clock = c.world.clock
  const byInstant = chance(c.rng, 0.1)
  emit(
    c,
    'DeliveryPromised',
    byInstant
      ? { deliveryId, orderId, promisedBy: clock.instant(localTime(c, promiseDay, 20)) }
      : { deliveryId, orderId, promisedBy: clock.date(promiseDay), timeZone: c.profile.market.timeZone },
    orderId,
  )
  const shipMs = c.now + between(c.rng, 4 * HOUR_MS, 36 * HOUR_MS)
  const carrier = pick(c.rng, carriers)
  schedule(c, shipMs, (s) => emit(s, 'DeliveryShipped', { deliveryId, orderId, carrier }, orderId))
  const firstPossibleDay = localDay(c, shipMs) + 1
  const outcome = c.rng.next()
  const businessHour = (): number => between(c.rng, 9, 19)
  if (outcome < c.mix.failedDeliveryRate) {
    const failDay = Math.max(promiseDay - 1 + intBetween(c.rng, 0, 1), firstPossibleDay)
    schedule(c, localTime(c, failDay, businessHour()), (s) => {
      emit(s, 'DeliveryFailed', { deliveryId, orderId, reason: pick(s.rng, failReasons) }, orderId)
      badExperience(s, 'failedDeliveries')
      maybeComplain(s, 'delivery', 'high', 0.35, orderId)
      if (chance(s.rng, 0.4)) contactAttempt(s, 'delivery', s.now + between(s.rng, 1, 20) * HOUR_MS)
      if (attempt < 3 && chance(s.rng, 0.7))
        schedule(s, activeTime(s, s.now + between(s.rng, 0.5, 3) * DAY_MS), (t) =>
          deliver(t, order, attempt + 1),
        )
      else
        schedule(s, s.now + between(s.rng, 2, 48) * HOUR_MS, (t) =>
          emit(t, 'OrderCancelled', { orderId, by: 'company', reason: 'delivery failed, refunded' }, orderId),
        )
    })
    return
  }
  const late = outcome < c.mix.failedDeliveryRate + c.mix.lateDeliveryRate
  const day = late
    ? promiseDay + 1 + Math.min(9, Math.floor(exponential(c.rng, 1.3)))
    : Math.max(promiseDay - pick(c.rng, [0, 0, 0, 1, 1, 2]), firstPossibleDay)
  if (late && chance(c.rng, 0.35))
    contactAttempt(c, 'delivery', activeTime(c, localTime(c, promiseDay + 1, 0)))
  schedule(c, localTime(c, day, businessHour()), (s) => {
    emit(s, 'DeliveryCompleted', { deliveryId, orderId }, orderId)
    if (late) {
      badExperience(s, 'lateDeliveries')
      maybeComplain(s, 'delivery', 'medium', 0.15, orderId)
    }
    delivered(s, order, late)
  })
}

/** After delivery: the invoice, warranties (half the customers register them), perhaps a return or a survey. */
const delivered = (c: Sim, order: PlacedOrder, late: boolean): void => {
  bill(c, order)
  const today = dayOf(c.now)
  for (const line of order.lines) {
    const years = warrantyYears(line.sku)
    if (years === 0 || !chance(c.rng, 0.5)) continue
    const warrantyId = nextId(c, 'war')
    emit(
      c,
      'WarrantyRegistered',
      {
        warrantyId,
        sku: line.sku,
        expiresOn: c.world.clock.date(today + years * 365),
        orderId: order.orderId,
      },
      order.orderId,
    )
    if (chance(c.rng, 0.05))
      schedule(c, activeTime(c, c.now + between(c.rng, 20, 300) * DAY_MS), (s) =>
        emit(
          s,
          'WarrantyClaimed',
          { warrantyId, claimId: nextId(s, 'clm'), reason: 'stopped working' },
          order.orderId,
        ),
      )
  }
  const [first] = order.lines
  if (first !== undefined && chance(c.rng, c.mix.returnRate * (late ? 2 : 1)))
    schedule(c, activeTime(c, c.now + between(c.rng, 2, 25) * DAY_MS), (s) =>
      emit(
        s,
        'ProductReturned',
        {
          returnId: nextId(s, 'ret'),
          orderId: order.orderId,
          sku: first.sku,
          amount: first.unitPrice,
          currency: order.currency,
          reason: late ? 'arrived too late' : pick(s.rng, ['does not fit', 'not as described', 'defective']),
        },
        order.orderId,
      ),
    )
  if (chance(c.rng, 0.5))
    askSurvey(c, 'delivery', order.orderId, late ? 0.3 : 0, c.now + between(c.rng, 1, 3) * DAY_MS)
}
