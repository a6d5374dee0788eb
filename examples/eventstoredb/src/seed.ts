import type { CustomerCommand, EventStore } from '@journeykit/core'
import { commandHandler, customerDecider, customerStreamId } from '@journeykit/core'

const day = (n: number): string => new Date(Date.UTC(2024, 0, 1 + n, 9, 0, 0)).toISOString()

/** A short journey for one customer: registration, a few orders in two currencies, an inquiry. */
export const journeyCommands = (customerId: string, n: number): CustomerCommand[] => [
  {
    type: 'RegisterCustomer',
    customerId,
    occurredAt: day(n % 30),
    data: { kind: 'organization', name: `Customer ${customerId}`, country: n % 2 === 0 ? 'DE' : 'US' },
  },
  ...Array.from({ length: 1 + (n % 3) }, (_, i): CustomerCommand => ({
    type: 'PlaceOrder',
    customerId,
    occurredAt: day((n % 30) + i + 1),
    data: {
      orderId: `${customerId}-o${i}`,
      currency: n % 2 === 0 ? 'EUR' : 'USD',
      amount: 1000 * (i + 1),
      lines: [{ sku: 'widget', quantity: i + 1, unitPrice: 1000 }],
      channel: 'web',
    },
  })),
  {
    type: 'ReceiveInquiry',
    customerId,
    occurredAt: day((n % 30) + 5),
    data: { inquiryId: `${customerId}-q1`, channel: 'email', topic: 'delivery' },
  },
]

export interface SeedResult {
  readonly customers: readonly string[]
  readonly events: number
  readonly refused: readonly string[]
}

/** Sends every customer's journey through the customer decider into `store`. */
export const seedJourneys = async (
  store: EventStore,
  customers: number,
  prefix = 'acme',
): Promise<SeedResult> => {
  const handle = commandHandler(
    store,
    customerDecider,
    (c: CustomerCommand) => customerStreamId(c.customerId),
    {
      clock: () => new Date('2024-06-01T00:00:00Z'),
    },
  )
  const ids = Array.from({ length: customers }, (_, n) => `${prefix}-${n}`)
  let events = 0
  const refused: string[] = []
  for (const [n, customerId] of ids.entries()) {
    for (const command of journeyCommands(customerId, n)) {
      const outcome = await handle(command)()
      if (outcome._tag === 'Right') events += outcome.right.events.length
      else refused.push(`${command.type} ${customerId}: ${outcome.left.message}`)
    }
  }
  return { customers: ids, events, refused }
}
