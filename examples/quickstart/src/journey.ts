import type { CustomerCommand, EventStore, JourneyEvent } from '@journeykit/core'
import { commandHandler, customerDecider, customerStreamId } from '@journeykit/core'

const acme = 'acme-gmbh'

/** A business customer's first months with us, as commands (each records one fact, if the decider allows it). */
export const commands: readonly CustomerCommand[] = [
  // #region register
  {
    type: 'RegisterCustomer',
    customerId: acme,
    occurredAt: '2024-01-08T09:00:00+01:00',
    data: { kind: 'organization', name: 'Acme GmbH', country: 'DE', segment: 'enterprise' },
  },
  {
    type: 'AddContactPerson',
    customerId: acme,
    occurredAt: '2024-01-08T09:05:00+01:00',
    data: { personId: 'p-1', name: 'Jana Richter', role: 'Head of Purchasing', champion: true },
  },
  {
    type: 'PlaceOrder',
    customerId: acme,
    occurredAt: '2024-01-10T14:00:00+01:00',
    data: {
      orderId: 'o-1',
      currency: 'EUR',
      amount: 129_900,
      lines: [{ sku: 'press-200', quantity: 1, unitPrice: 129_900 }],
      channel: 'partner',
      partnerId: 'reseller-7',
    },
  },
  // #endregion
  {
    type: 'PromiseDelivery',
    customerId: acme,
    occurredAt: '2024-01-10T14:01:00+01:00',
    data: { deliveryId: 'd-1', orderId: 'o-1', promisedBy: '2024-01-17', timeZone: 'Europe/Berlin' },
  },
  {
    type: 'CompleteDelivery',
    customerId: acme,
    occurredAt: '2024-01-19T10:30:00+01:00',
    data: { deliveryId: 'd-1', orderId: 'o-1' },
  },
  {
    type: 'RecordAbandonedContact',
    customerId: acme,
    occurredAt: '2024-01-22T08:15:00+01:00',
    data: {
      contactId: 'call-1',
      channel: 'phone',
      kind: 'queue_hangup',
      waitSeconds: 540,
      topic: 'delivery',
    },
  },
  {
    type: 'RecordSurveyAnswer',
    customerId: acme,
    occurredAt: '2024-01-25T12:00:00+01:00',
    data: { surveyId: 's-1', nps: 4, comment: 'Late, and nobody called back.', relatesTo: 'o-1' },
  },
  {
    type: 'RecordContactPersonLeft',
    customerId: acme,
    occurredAt: '2024-02-20T09:00:00+01:00',
    data: { personId: 'p-1', reason: 'moved to a competitor' },
  },
]

export interface Outcome {
  readonly accepted: readonly JourneyEvent[]
  readonly refused: readonly string[]
}

/** Sends the commands through the customer decider into `store`. */
export const runJourney = async (
  store: EventStore,
  toSend: readonly CustomerCommand[] = commands,
): Promise<Outcome> => {
  // #region handle
  const handle = commandHandler(store, customerDecider, (c: CustomerCommand) =>
    customerStreamId(c.customerId),
  )
  // #endregion
  const accepted: JourneyEvent[] = []
  const refused: string[] = []
  for (const command of toSend) {
    // #region decide
    const result = await handle(command)()
    if (result._tag === 'Right') accepted.push(...result.right.events)
    else refused.push(result.left.message) // a typed DomainError, ConcurrencyConflict or StoreFailure
    // #endregion
  }
  return { accepted, refused }
}
