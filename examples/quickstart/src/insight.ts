import type { EventStore, RecordedEvent } from '@journeykit/core'
import { eachEvent } from '@journeykit/core'
import type { CustomerEvaluation } from '@journeykit/churn'
import { evaluateCustomerAsOf } from '@journeykit/churn'
import type { CustomerView } from '@journeykit/customer-360'
import { customer360Projection, customerView } from '@journeykit/customer-360'
import { foldProjection } from '@journeykit/projections'

export interface Insight {
  readonly view: CustomerView | undefined
  readonly churn: CustomerEvaluation
}

/** Reads the whole history back and answers: what do we have with this customer, and are they drifting away? */
export const insight = async (store: EventStore, customerId: string, asOf: string): Promise<Insight> => {
  // #region read-360-and-churn
  const events: RecordedEvent[] = []
  for await (const event of eachEvent(store.readAll())) events.push(event)

  const projection = customer360Projection()
  const { partitions } = foldProjection(projection, events)
  const view = customerView(partitions, customerId, asOf, { options: projection.options })

  const churn = evaluateCustomerAsOf(events, customerId, asOf)
  // #endregion
  return { view, churn }
}
