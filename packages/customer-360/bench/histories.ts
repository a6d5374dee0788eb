import type { EventData, EventType, JourneyEvent, RecordedEvent } from '@journeykit/core'
import { currentSchemaVersion, customerStreamId, isJourneyEvent } from '@journeykit/core'

/** mulberry32: the same seed gives the same histories on every machine. */
const seeded = (seed: number): (() => number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const CHANNELS = ['web', 'app', 'phone', 'email', 'chat', 'store'] as const
const TOPICS = ['billing', 'delivery', 'product', 'returns', 'account'] as const
const HOUR = 3_600_000
const DAY = 24 * HOUR

/** A flat copy of a short string (as JSON.parse would give), so memory figures are not skewed by cons strings. */
const flat = (s: string): string => Buffer.from(s, 'latin1').toString('latin1')

/**
 * Realistic customer histories for benchmarks, each customer's events in time order, customers interleaved as in
 * a store's `$all`: registration and consents; orders with a promised, shipped and delivered (sometimes late or
 * failed) delivery, an invoice and its payment (sometimes failing first); inquiries answered and resolved;
 * abandoned calls, half of them followed up; complaints; surveys; campaigns. About `eventsPerCustomer` each.
 */
export const realisticHistories = (customers: number, eventsPerCustomer = 100, seed = 7): RecordedEvent[] => {
  const random = seeded(seed)
  const pick = <T>(xs: readonly [T, ...T[]]): T => xs[Math.floor(random() * xs.length)] ?? xs[0]
  const perCustomer: JourneyEvent[][] = []
  for (let c = 0; c < customers; c++) {
    const customerId = flat(`c${String(c).padStart(6, '0')}`)
    const streamId = customerStreamId(customerId)
    const out: JourneyEvent[] = []
    let clock = Date.UTC(2021, 0, 1) + Math.floor(random() * 365 * DAY)
    let n = 0
    const push = <K extends EventType>(type: K, data: EventData<K>, at = clock) => {
      const candidate: unknown = {
        id: flat(`00000000-0000-7000-8000-${String(c * 10_000 + ++n).padStart(12, '0')}`),
        type,
        streamId,
        customerId,
        occurredAt: new Date(at).toISOString(),
        recordedAt: new Date(at + 1000).toISOString(),
        schemaVersion: currentSchemaVersion(type),
        data,
      }
      if (!isJourneyEvent(candidate)) throw new Error(`the generator made an invalid ${type}`)
      out.push(candidate)
    }
    push('CustomerRegistered', {
      kind: 'person',
      name: flat(`Customer ${c}`),
      country: 'DE',
      segment: pick(['consumer', 'smb'] as const),
    })
    push('ConsentGiven', { channel: 'email', purpose: 'marketing' })
    while (out.length < eventsPerCustomer) {
      clock += Math.floor(random() * 10 * DAY) + HOUR
      const r = random()
      const channel = pick(CHANNELS)
      if (r < 0.35) {
        const orderId = flat(`${customerId}-o${n}`)
        const deliveryId = flat(`${orderId}-d`)
        const invoiceId = flat(`${orderId}-i`)
        const amount = 500 + Math.floor(random() * 20_000)
        push('OrderPlaced', {
          orderId,
          currency: 'EUR',
          amount,
          lines: [{ sku: 'SKU-1', quantity: 1, unitPrice: amount }],
          channel,
        })
        const promisedBy = new Date(clock + 5 * DAY).toISOString().slice(0, 10)
        push('DeliveryPromised', { deliveryId, orderId, promisedBy, timeZone: 'Europe/Berlin' }, clock + HOUR)
        push(
          'InvoiceIssued',
          { invoiceId, orderId, currency: 'EUR', amount, dueDate: promisedBy },
          clock + HOUR,
        )
        push('DeliveryShipped', { deliveryId, orderId, carrier: 'DHL' }, clock + DAY)
        if (random() < 0.05) push('DeliveryFailed', { deliveryId, orderId, reason: 'lost' }, clock + 4 * DAY)
        else push('DeliveryCompleted', { deliveryId, orderId }, clock + Math.floor((2 + random() * 5) * DAY))
        if (random() < 0.1)
          push(
            'PaymentFailed',
            { paymentId: flat(`${invoiceId}-f`), invoiceId, currency: 'EUR', amount, reason: 'declined' },
            clock + 2 * DAY,
          )
        push(
          'PaymentReceived',
          { paymentId: flat(`${invoiceId}-p`), invoiceId, currency: 'EUR', amount },
          clock + 3 * DAY,
        )
      } else if (r < 0.65) {
        const inquiryId = flat(`${customerId}-q${n}`)
        push('InquiryReceived', {
          inquiryId,
          channel,
          topic: pick(TOPICS),
          ...(random() < 0.3 ? { text: 'Where is my parcel?' } : {}),
        })
        push('InquiryAnswered', { inquiryId, channel }, clock + Math.floor(random() * 30 * HOUR))
        push('InquiryResolved', { inquiryId, firstContactResolution: random() < 0.6 }, clock + 2 * DAY)
      } else if (r < 0.75) {
        const contactId = flat(`${customerId}-a${n}`)
        push('ContactAbandoned', {
          contactId,
          channel: 'phone',
          kind: 'queue_hangup',
          waitSeconds: Math.floor(random() * 600),
        })
        if (random() < 0.5)
          push(
            'OutreachMade',
            {
              outreachId: flat(`${contactId}-x`),
              channel: 'phone',
              purpose: 'follow-up',
              followsUp: contactId,
            },
            clock + 3 * HOUR,
          )
      } else if (r < 0.8) {
        const complaintId = flat(`${customerId}-k${n}`)
        push('ComplaintFiled', {
          complaintId,
          channel,
          category: 'delivery',
          severity: pick(['low', 'medium', 'high'] as const),
        })
        push(
          'ComplaintResolved',
          { complaintId, outcome: 'refund', satisfied: random() < 0.7 },
          clock + 3 * DAY,
        )
      } else if (r < 0.9) {
        push('SurveyAnswered', {
          surveyId: flat(`${customerId}-s${n}`),
          nps: Math.floor(random() * 11),
          csat: 1 + Math.floor(random() * 5),
        })
      } else {
        const campaignId = pick(['spring', 'summer', 'autumn', 'winter'] as const)
        push('CampaignSent', { campaignId, channel: 'email' })
        if (random() < 0.3)
          push(
            'CampaignResponded',
            { campaignId, response: pick(['opened', 'clicked', 'converted', 'unsubscribed'] as const) },
            clock + HOUR,
          )
      }
    }
    out.sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0))
    perCustomer.push(out)
  }
  const all: RecordedEvent[] = []
  const cursors = perCustomer.map(() => 0)
  let open = perCustomer.length
  let position = 128n
  while (open > 0) {
    const c = Math.floor(random() * perCustomer.length)
    const list = perCustomer[c] ?? []
    const i = cursors[c] ?? 0
    const next = list[i]
    if (next === undefined) {
      if (i === list.length) {
        cursors[c] = i + 1
        open--
      }
      continue
    }
    cursors[c] = i + 1
    all.push({ ...next, position, revision: BigInt(i) })
    position += 16n
  }
  return all
}
