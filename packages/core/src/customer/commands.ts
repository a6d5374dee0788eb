import type { EventMetadata } from '../envelope.js'
import type { EventData, EventType } from '../events/catalogue.js'

/**
 * The customer decider's commands: each asks to record one fact of the journey, named in the imperative.
 * `occurredAt` is the business time of the fact (an ISO-8601 instant with offset, or a calendar date);
 * `data` is exactly the resulting event's data.
 */
export const commandEventTypes = {
  RegisterCustomer: 'CustomerRegistered',
  UpdateProfile: 'ProfileUpdated',
  LinkIdentity: 'IdentityLinked',
  AddContactPerson: 'ContactPersonAdded',
  RecordContactPersonLeft: 'ContactPersonLeft',
  AssignAccountManager: 'AccountManagerAssigned',
  UnassignAccountManager: 'AccountManagerUnassigned',
  GiveConsent: 'ConsentGiven',
  WithdrawConsent: 'ConsentWithdrawn',
  AssessCreditScore: 'CreditScoreAssessed',
  ForgetCustomer: 'CustomerForgotten',
  CaptureLead: 'LeadCaptured',
  ReceiveInquiry: 'InquiryReceived',
  AnswerInquiry: 'InquiryAnswered',
  ResolveInquiry: 'InquiryResolved',
  RecordAbandonedContact: 'ContactAbandoned',
  MakeOutreach: 'OutreachMade',
  RequestCallback: 'CallbackRequested',
  CompleteCallback: 'CallbackCompleted',
  RecordMissedCallback: 'CallbackMissed',
  FileComplaint: 'ComplaintFiled',
  ResolveComplaint: 'ComplaintResolved',
  IssueQuote: 'QuoteIssued',
  PlaceOrder: 'OrderPlaced',
  CancelOrder: 'OrderCancelled',
  PromiseDelivery: 'DeliveryPromised',
  ShipDelivery: 'DeliveryShipped',
  CompleteDelivery: 'DeliveryCompleted',
  RecordFailedDelivery: 'DeliveryFailed',
  ReturnProduct: 'ProductReturned',
  IssueInvoice: 'InvoiceIssued',
  ReceivePayment: 'PaymentReceived',
  RecordFailedPayment: 'PaymentFailed',
  RegisterWarranty: 'WarrantyRegistered',
  ClaimWarranty: 'WarrantyClaimed',
  StartSubscription: 'SubscriptionStarted',
  RenewSubscription: 'SubscriptionRenewed',
  CancelSubscription: 'SubscriptionCancelled',
  SendCampaign: 'CampaignSent',
  RecordCampaignResponse: 'CampaignResponded',
  RecordSurveyAnswer: 'SurveyAnswered',
  UpdatePurchaseForecast: 'PurchaseForecastUpdated',
} as const satisfies Record<string, EventType>

type CommandEventTypes = typeof commandEventTypes
export type CommandName = keyof CommandEventTypes

export type CommandOf<C extends CommandName> = {
  readonly type: C
  readonly customerId: string
  readonly occurredAt: string
  readonly data: EventData<CommandEventTypes[C]>
  readonly metadata?: EventMetadata
}

/** Any command to the customer decider, discriminated by `type`. */
export type CustomerCommand = { [C in CommandName]: CommandOf<C> }[CommandName]

export const commandNames: readonly CommandName[] = Object.freeze(
  Object.keys(commandEventTypes).filter((k): k is CommandName => Object.hasOwn(commandEventTypes, k)),
)

/** Why the decider refused a command. */
export type DomainErrorCode =
  | 'CustomerNotRegistered'
  | 'CustomerAlreadyRegistered'
  | 'CustomerForgotten'
  | 'DuplicateId'
  | 'OrderNotFound'
  | 'OrderCancelled'
  | 'OrderDelivered'
  | 'OrderNotDelivered'
  | 'DeliveryNotFound'
  | 'DeliveryClosed'
  | 'InquiryNotFound'
  | 'InquiryResolved'
  | 'CallbackNotFound'
  | 'CallbackClosed'
  | 'ComplaintNotFound'
  | 'ComplaintResolved'
  | 'InvoiceNotFound'
  | 'InvoicePaid'
  | 'PaymentExceedsDue'
  | 'CurrencyMismatch'
  | 'ContactPersonNotFound'
  | 'ContactPersonLeft'
  | 'NotAnOrganization'
  | 'WarrantyNotFound'
  | 'WarrantyExpired'
  | 'SubscriptionNotFound'
  | 'SubscriptionNotActive'
  | 'ConsentNotGiven'
  | 'AccountManagerMismatch'

/** A refused command: which command, the code to switch on, and a sentence saying what and why. */
export interface DomainError {
  readonly _tag: 'DomainError'
  readonly code: DomainErrorCode
  readonly command: CommandName
  readonly customerId: string
  readonly message: string
}

export const domainError = (command: CustomerCommand, code: DomainErrorCode, why: string): DomainError => ({
  _tag: 'DomainError',
  code,
  command: command.type,
  customerId: command.customerId,
  message: `${command.type} refused for customer ${command.customerId}: ${why}`,
})
