import type { Decider, EventFact } from '../decider.js'
import type { CustomerCommand, DomainError } from './commands.js'
import { decideCustomer } from './decide.js'
import type { CustomerState } from './state.js'
import { evolveCustomer, initialCustomerState } from './state.js'

/** The customer journey decider: one per customer stream. */
export const customerDecider: Decider<CustomerCommand, EventFact, CustomerState, DomainError> = {
  decide: decideCustomer,
  evolve: evolveCustomer,
  initialState: initialCustomerState,
}

/** Each customer's events live in one stream, named `customer-<customerId>`. */
export const customerStreamId = (customerId: string): string => `customer-${customerId}`
