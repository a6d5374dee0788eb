import type { Channel, EventData } from '@journeykit/core'
import { DAY_MS } from '@journeykit/core'
import { personOrderChannels, organizationOrderChannels } from '../channels.js'
import { badScore, rollChurn } from '../churn.js'
import { between, chance, draw, exponential, intBetween } from '../random.js'
import type { Product } from '../reference-data.js'
import { businessProducts, consumerProducts, minorUnitsPerEuro } from '../reference-data.js'
import type { Sim, Writable } from '../sim.js'
import { activeTime, emit, nextId, schedule } from '../sim.js'
import type { OrderLine, PlacedOrder } from './fulfilment.js'
import { fulfil } from './fulfilment.js'

/** The gap until the customer's next purchase: their cadence, stretched by bad experiences, Gamma(2)-jittered. */
const gapMs = (c: Sim): number => {
  const drift = 1 + 0.6 * badScore(c)
  const jitter = -0.5 * Math.log((1 - c.rng.next()) * (1 - c.rng.next()))
  return Math.max(DAY_MS, (c.profile.cadenceDays * DAY_MS * drift * jitter) / c.mix.purchaseFrequency)
}

const productIndex = (c: Sim, products: readonly Product[]): number => {
  // Higher spend levels lean towards the expensive end of the (cheapest-first) catalogue.
  const bias = Math.min(3, Math.max(0.3, c.profile.spendLevel))
  return Math.min(products.length - 1, Math.floor(products.length * Math.pow(c.rng.next(), 1 / bias)))
}

/** What the customer buys this time; unhappy customers buy less. */
const basket = (c: Sim): OrderLine[] => {
  const organization = c.profile.kind === 'organization'
  const products = organization ? businessProducts : consumerProducts
  const shrink = 1 / (1 + 0.3 * badScore(c))
  const scale = minorUnitsPerEuro(c.profile.market) * c.mix.orderValue
  const count = intBetween(c.rng, 1, organization ? 5 : 3)
  const lines: OrderLine[] = []
  for (let i = 0; i < count; i++) {
    const product = products[productIndex(c, products)] ?? products[0]
    if (lines.some((l) => l.sku === product.sku)) continue
    const quantity = organization
      ? 1 + Math.round(exponential(c.rng, 3 * c.profile.spendLevel * shrink))
      : 1 + Math.floor(c.rng.next() * Math.max(1, 1.6 * c.profile.spendLevel * shrink))
    const unitPrice = Math.max(1, Math.round(product.priceEuro * scale * between(c.rng, 0.95, 1.05)))
    lines.push({ sku: product.sku, quantity, unitPrice })
  }
  return lines
}

const channelOf = (c: Sim): Channel =>
  chance(c.rng, 0.65)
    ? c.profile.orderChannel
    : draw(c.rng, c.profile.kind === 'organization' ? organizationOrderChannels : personOrderChannels)

const amountOf = (lines: readonly OrderLine[]): number =>
  lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0)

const placeOrder = (c: Sim, lines: OrderLine[], quoteId: string | undefined): void => {
  const orderId = nextId(c, 'ord')
  const channel = channelOf(c)
  const currency = c.profile.market.currency
  const amount = amountOf(lines)
  const partnerId = channel === 'partner' ? `partner-${intBetween(c.rng, 1, 12)}` : undefined
  const data: Writable<EventData<'OrderPlaced'>> = { orderId, currency, amount, lines, channel }
  if (partnerId !== undefined) data.partnerId = partnerId
  if (quoteId !== undefined) data.quoteId = quoteId
  emit(c, 'OrderPlaced', data, orderId)
  c.orders++
  c.orderedMinor += amount
  if (c.orders === 1) c.firstOrderMs = c.now
  c.lastOrderMs = c.now
  const order: PlacedOrder = { orderId, currency, amount, lines }
  fulfil(c, order)
}

/** Organizations often ask for a quote first; most quotes become orders within days. */
const quoteThenOrder = (c: Sim): void => {
  const lines = basket(c)
  const quoteId = nextId(c, 'qt')
  const validUntil = c.world.clock.date(Math.floor(c.now / DAY_MS) + 30)
  emit(
    c,
    'QuoteIssued',
    { quoteId, currency: c.profile.market.currency, amount: amountOf(lines), validUntil },
    quoteId,
  )
  if (chance(c.rng, 0.8))
    schedule(c, activeTime(c, c.now + between(c.rng, 1, 10) * DAY_MS), (s) => {
      if (s.churnedMs === undefined) placeOrder(s, lines, quoteId)
    })
}

/** A purchase occasion: the customer may have churned by now; if not, they buy and the next occasion is set. */
const purchaseOccasion = (c: Sim): void => {
  if (rollChurn(c)) return
  if (c.profile.kind === 'organization' && chance(c.rng, 0.4)) quoteThenOrder(c)
  else placeOrder(c, basket(c), undefined)
  schedule(c, activeTime(c, c.now + gapMs(c)), purchaseOccasion)
}

export const startPurchasing = (c: Sim): void => {
  if (c.mix.purchaseFrequency <= 0) return
  const first = (between(c.rng, 0.02, 0.8) * c.profile.cadenceDays * DAY_MS) / c.mix.purchaseFrequency
  schedule(c, activeTime(c, c.now + first), purchaseOccasion)
}
