import { deadlineMs, toEpochMs } from '@journeykit/core'
import { defineProjection } from '@journeykit/projections'

/** Your own read model: what is still owed, and the moments that strain the relationship. */
export interface CustomerHealth {
  /** Invoiced minus paid, per currency (minor units). */
  openBalance: Record<string, number>
  /** Deadlines of promised deliveries, epoch ms, by delivery id. */
  promised: Record<string, number>
  lateDeliveries: number
  abandonedContacts: number
}

export const customerHealth = defineProjection<CustomerHealth>({
  name: 'customer-health',
  version: 1,
  initialState: () => ({ openBalance: {}, promised: {}, lateDeliveries: 0, abandonedContacts: 0 }),
  handlers: {
    InvoiceIssued: (draft, e) => {
      draft.openBalance[e.data.currency] = (draft.openBalance[e.data.currency] ?? 0) + e.data.amount
    },
    PaymentReceived: (draft, e) => {
      draft.openBalance[e.data.currency] = (draft.openBalance[e.data.currency] ?? 0) - e.data.amount
    },
    DeliveryPromised: (draft, e) => {
      draft.promised[e.data.deliveryId] = deadlineMs(e.data.promisedBy, e.data.timeZone)
    },
    DeliveryCompleted: (draft, e) => {
      const deadline = draft.promised[e.data.deliveryId]
      if (deadline !== undefined && toEpochMs(e.occurredAt) >= deadline) draft.lateDeliveries += 1
    },
    ContactAbandoned: (draft) => {
      draft.abandonedContacts += 1
    },
  },
})

/** Someone should call this customer: deliveries came late and a contact attempt was lost. */
export const needsAttention = (health: CustomerHealth): boolean =>
  health.lateDeliveries > 0 && health.abandonedContacts > 0
