import type { Dict } from './dict.js'
import { EMPTY } from './sorted.js'
import type {
  AbandonedRecord,
  CallbackRecord,
  Change,
  ComplaintRecord,
  ContactPersonRecord,
  CreditEntry,
  DeliveryRecord,
  ForecastEntry,
  IdentityEntry,
  InquiryRecord,
  InvoiceRecord,
  OrderRecord,
  OwnerChange,
  ReturnRecord,
  SubscriptionRecord,
  SurveyEntry,
  WarrantyRecord,
} from './records.js'
import type { Table } from './table.js'
import type {
  AbandonedTally,
  CallbackTally,
  ComplaintTally,
  ContactPersonTally,
  DeliveryTally,
  InquiryTally,
  InvoiceTally,
  OrderTally,
  ReturnTally,
  SubscriptionTally,
  WarrantyTally,
} from './tallies.js'
import type { TimeCounter } from './time-counter.js'

/** Contacts per channel of records that were archived (they count once the archive does). */
export type ArchivedChannel = { inbound: number; outbound: number; orders: number }

/** Responses to campaigns (campaigns sent are counted per channel). */
export interface CampaignCounters {
  opened: TimeCounter | null
  clicked: TimeCounter | null
  converted: TimeCounter | null
  unsubscribed: TimeCounter | null
}

/**
 * Everything the customer 360 keeps about one customer: timestamped facts, evaluated "as of" an instant by
 * `viewAsOf`. Plain data (immer drafts and freezes it). Tables, counters and records by key are created on first
 * use; bounded lists start as the shared empty list and grow by exact-size copies; a full list changes in place.
 */
export interface Customer360State {
  customerId: string
  /** Events folded, and those whose occurredAt was earlier than an event folded before them. */
  events: number
  lateEvents: number
  /** The earliest and the latest occurredAt folded. */
  firstMs: number | null
  latestMs: number | null
  /** As-of queries before this instant may miss facts that were summarized to bound memory. */
  horizonMs: number | null
  registeredMs: number | null
  kind: string | null
  /** Personal data: name changes (values become null when forgotten). */
  names: Change<string | null>[]
  countries: Change<string>[]
  segments: Change<string>[]
  identities: IdentityEntry[]
  /** Consent changes by `channel/purpose`: given (true) or withdrawn (false). */
  consents: Dict<Change<boolean>[]> | null
  contactPersons: Table<ContactPersonRecord, ContactPersonTally> | null
  owners: OwnerChange[]
  credit: CreditEntry[]
  forecasts: ForecastEntry[]
  /** The first engagement (inquiry, quote, lead, campaign click or conversion, order). */
  engagedMs: number | null
  firstOrderMs: number | null
  orders: Table<OrderRecord, OrderTally> | null
  deliveries: Table<DeliveryRecord, DeliveryTally> | null
  returns: Table<ReturnRecord, ReturnTally> | null
  invoices: Table<InvoiceRecord, InvoiceTally> | null
  paymentFailures: TimeCounter | null
  warranties: Table<WarrantyRecord, WarrantyTally> | null
  subscriptions: Table<SubscriptionRecord, SubscriptionTally> | null
  inquiries: Table<InquiryRecord, InquiryTally> | null
  abandoned: Table<AbandonedRecord, AbandonedTally> | null
  callbacks: Table<CallbackRecord, CallbackTally> | null
  complaints: Table<ComplaintRecord, ComplaintTally> | null
  /** Outreach and campaigns sent, per channel (other contacts per channel come from the records). */
  outreachByChannel: Dict<TimeCounter> | null
  campaignsByChannel: Dict<TimeCounter> | null
  archivedChannels: Dict<ArchivedChannel> | null
  quotes: TimeCounter | null
  leads: TimeCounter | null
  campaigns: CampaignCounters | null
  surveys: SurveyEntry[]
  forgottenMs: number | null
  /** True once CustomerForgotten was folded: personal data is gone and is never stored again. */
  erased: boolean
}

export const initialCustomer360State = (): Customer360State => ({
  customerId: '',
  events: 0,
  lateEvents: 0,
  firstMs: null,
  latestMs: null,
  horizonMs: null,
  registeredMs: null,
  kind: null,
  names: EMPTY,
  countries: EMPTY,
  segments: EMPTY,
  identities: EMPTY,
  consents: null,
  contactPersons: null,
  owners: EMPTY,
  credit: EMPTY,
  forecasts: EMPTY,
  engagedMs: null,
  firstOrderMs: null,
  orders: null,
  deliveries: null,
  returns: null,
  invoices: null,
  paymentFailures: null,
  warranties: null,
  subscriptions: null,
  inquiries: null,
  abandoned: null,
  callbacks: null,
  complaints: null,
  outreachByChannel: null,
  campaignsByChannel: null,
  archivedChannels: null,
  quotes: null,
  leads: null,
  campaigns: null,
  surveys: EMPTY,
  forgottenMs: null,
  erased: false,
})
