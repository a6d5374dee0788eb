import type { CustomerCommand, CustomerKind, DomainErrorCode } from '@journeykit/core'
import { DAY_MS, toCalendarDate } from '@journeykit/core'
import { commandOf, instantOf } from './command.js'
import { freshId } from './model.js'
import type { JourneyRun } from './run.js'
import type { Step } from './steps.js'
import {
  closeCallback,
  creators,
  deliveryKinds,
  deliveryOf,
  free,
  freeKinds,
  invoice,
  later,
  order,
  pay,
  setup,
  subscription,
} from './refusal-setup.js'
import { chooseFrom, journeyCurrencies } from './values.js'

export interface Scenario {
  /** The kind of customer the refusal needs. */
  readonly kind?: CustomerKind
  /** Sets the situation up with valid commands, then returns the command that must be refused. */
  readonly build: (run: JourneyRun, s: Step) => CustomerCommand
}

/** For each refusal code, how to reach a situation where the decider must refuse with it. */
export const scenarios: Readonly<Record<DomainErrorCode, Scenario>> = {
  CustomerNotRegistered: { build: (r, s) => free(r, chooseFrom(freeKinds, s.pick), s) },
  CustomerAlreadyRegistered: {
    build: (r, s) =>
      commandOf(r.model, 'RegisterCustomer', later(r, s), {
        kind: 'person',
        name: 'Ada Lovelace',
        country: 'DE',
      }),
  },
  CustomerForgotten: {
    build: (r, s) => {
      r.submit(commandOf(r.model, 'ForgetCustomer', later(r, s), {}))
      return free(r, chooseFrom(freeKinds, s.pick), s)
    },
  },
  DuplicateId: {
    build: (r, s) => {
      const created = free(r, chooseFrom(creators, s.pick), s)
      r.submit(created)
      return { ...created, occurredAt: later(r, s) }
    },
  },
  OrderNotFound: {
    build: (r, s) =>
      deliveryOf(r, s, freshId(r.model, 'd'), freshId(r.model, 'o'), chooseFrom(deliveryKinds, s.pick)),
  },
  OrderCancelled: {
    build: (r, s) => {
      const orderId = order(r, s)
      r.submit(commandOf(r.model, 'CancelOrder', later(r, s), { orderId, by: 'customer' }))
      if (s.flag) return commandOf(r.model, 'ReturnProduct', later(r, s), { returnId: 'ret-x', orderId })
      return deliveryOf(r, s, freshId(r.model, 'd'), orderId, chooseFrom(deliveryKinds, s.pick))
    },
  },
  OrderDelivered: {
    build: (r, s) => {
      const orderId = order(r, s)
      r.submit(deliveryOf(r, s, freshId(r.model, 'd'), orderId, 'CompleteDelivery'))
      return commandOf(r.model, 'CancelOrder', later(r, s), { orderId, by: 'customer' })
    },
  },
  OrderNotDelivered: {
    build: (r, s) => {
      const orderId = order(r, s)
      if (s.flag) r.submit(deliveryOf(r, s, freshId(r.model, 'd'), orderId, 'ShipDelivery'))
      return commandOf(r.model, 'ReturnProduct', later(r, s), { returnId: freshId(r.model, 'ret'), orderId })
    },
  },
  DeliveryNotFound: {
    build: (r, s) => {
      const [first, second] = [order(r, s), order(r, s)]
      const deliveryId = freshId(r.model, 'd')
      r.submit(deliveryOf(r, s, deliveryId, first, 'PromiseDelivery'))
      return deliveryOf(r, s, deliveryId, second, chooseFrom(deliveryKinds, s.pick))
    },
  },
  DeliveryClosed: {
    build: (r, s) => {
      const orderId = order(r, s)
      const deliveryId = freshId(r.model, 'd')
      r.submit(deliveryOf(r, s, deliveryId, orderId, s.flag ? 'CompleteDelivery' : 'RecordFailedDelivery'))
      return deliveryOf(r, s, deliveryId, orderId, chooseFrom(deliveryKinds, s.pick))
    },
  },
  InquiryNotFound: {
    build: (r, s) =>
      s.flag
        ? commandOf(r.model, 'AnswerInquiry', later(r, s), {
            inquiryId: freshId(r.model, 'inq'),
            channel: s.channel,
          })
        : commandOf(r.model, 'ResolveInquiry', later(r, s), {
            inquiryId: freshId(r.model, 'inq'),
            firstContactResolution: true,
          }),
  },
  InquiryResolved: {
    build: (r, s) => {
      const received = setup(r, 'ReceiveInquiry', s)
      const inquiryId = received?.type === 'ReceiveInquiry' ? received.data.inquiryId : 'missing'
      r.submit(
        commandOf(r.model, 'ResolveInquiry', later(r, s), { inquiryId, firstContactResolution: false }),
      )
      return s.flag
        ? commandOf(r.model, 'AnswerInquiry', later(r, s), { inquiryId, channel: s.channel })
        : commandOf(r.model, 'ResolveInquiry', later(r, s), { inquiryId, firstContactResolution: true })
    },
  },
  CallbackNotFound: { build: (r, s) => closeCallback(r, s, freshId(r.model, 'cb'), s.flag) },
  CallbackClosed: {
    build: (r, s) => {
      const requested = setup(r, 'RequestCallback', s)
      const callbackId = requested?.type === 'RequestCallback' ? requested.data.callbackId : 'missing'
      r.submit(closeCallback(r, s, callbackId, s.flag))
      return closeCallback(r, s, callbackId, s.pick % 2 === 0)
    },
  },
  ComplaintNotFound: {
    build: (r, s) =>
      commandOf(r.model, 'ResolveComplaint', later(r, s), { complaintId: freshId(r.model, 'cmp') }),
  },
  ComplaintResolved: {
    build: (r, s) => {
      const filed = setup(r, 'FileComplaint', s)
      const complaintId = filed?.type === 'FileComplaint' ? filed.data.complaintId : 'missing'
      r.submit(commandOf(r.model, 'ResolveComplaint', later(r, s), { complaintId }))
      return commandOf(r.model, 'ResolveComplaint', later(r, s), { complaintId })
    },
  },
  InvoiceNotFound: {
    build: (r, s) => pay(r, s, freshId(r.model, 'inv'), s.amount, r.model.currency, s.flag),
  },
  InvoicePaid: {
    build: (r, s) => {
      const invoiceId = invoice(r, s)
      r.submit(pay(r, s, invoiceId, s.amount, r.model.currency, false))
      return pay(r, s, invoiceId, 1, r.model.currency, s.flag)
    },
  },
  PaymentExceedsDue: {
    build: (r, s) => {
      const invoiceId = invoice(r, s)
      const part = Math.floor((s.amount * (s.percent - 1)) / 100)
      if (part > 0) r.submit(pay(r, s, invoiceId, part, r.model.currency, false))
      return pay(r, s, invoiceId, s.amount - part + 1 + (s.days % 50), r.model.currency, false)
    },
  },
  CurrencyMismatch: {
    build: (r, s) => {
      const invoiceId = invoice(r, s)
      const other = chooseFrom(journeyCurrencies, s.pick)
      return pay(r, s, invoiceId, 1, other === r.model.currency ? 'CHF' : other, s.flag)
    },
  },
  ContactPersonNotFound: {
    build: (r, s) =>
      commandOf(r.model, 'RecordContactPersonLeft', later(r, s), { personId: freshId(r.model, 'p') }),
  },
  ContactPersonLeft: {
    kind: 'organization',
    build: (r, s) => {
      const added = setup(r, 'AddContactPerson', s)
      const personId = added?.type === 'AddContactPerson' ? added.data.personId : 'missing'
      r.submit(commandOf(r.model, 'RecordContactPersonLeft', later(r, s), { personId }))
      return commandOf(r.model, 'RecordContactPersonLeft', later(r, s), { personId })
    },
  },
  NotAnOrganization: {
    kind: 'person',
    build: (r, s) =>
      commandOf(r.model, 'AddContactPerson', later(r, s), {
        personId: freshId(r.model, 'p'),
        name: 'Grace Hopper',
        role: 'CTO',
        champion: s.flag,
      }),
  },
  WarrantyNotFound: {
    build: (r, s) =>
      commandOf(r.model, 'ClaimWarranty', later(r, s), {
        warrantyId: freshId(r.model, 'w'),
        claimId: 'cl-x',
      }),
  },
  WarrantyExpired: {
    build: (r, s) => {
      const warrantyId = freshId(r.model, 'w')
      const at = later(r, s)
      const expiresOn = at.slice(0, 10)
      r.submit(commandOf(r.model, 'RegisterWarranty', at, { warrantyId, sku: 'sku-1', expiresOn }))
      const claimAt = instantOf(r.model.nowMs + (1 + (s.days % 400)) * DAY_MS)
      return commandOf(r.model, 'ClaimWarranty', claimAt, { warrantyId, claimId: freshId(r.model, 'cl') })
    },
  },
  SubscriptionNotFound: { build: (r, s) => subscription(r, s, freshId(r.model, 's')) },
  SubscriptionNotActive: {
    build: (r, s) => {
      const subscriptionId = freshId(r.model, 's')
      const endsOn = toCalendarDate(r.model.nowMs + 400 * DAY_MS)
      r.submit(
        commandOf(r.model, 'StartSubscription', later(r, s), { subscriptionId, plan: 'basic', endsOn }),
      )
      r.submit(commandOf(r.model, 'CancelSubscription', later(r, s), { subscriptionId, endsOn }))
      return subscription(r, s, subscriptionId)
    },
  },
  ConsentNotGiven: {
    build: (r, s) => {
      const consent = { channel: s.channel, purpose: 'marketing' } as const
      r.submit(commandOf(r.model, 'GiveConsent', later(r, s), consent))
      r.submit(commandOf(r.model, 'WithdrawConsent', later(r, s), consent))
      return commandOf(r.model, 'WithdrawConsent', later(r, s), consent)
    },
  },
  AccountManagerMismatch: {
    build: (r, s) =>
      commandOf(r.model, 'UnassignAccountManager', later(r, s), { managerId: s.flag ? 'am9' : 'nobody' }),
  },
}

/** Every refusal code of the customer decider. */
export const domainErrorCodes: readonly DomainErrorCode[] = Object.freeze(
  Object.keys(scenarios).filter((k): k is DomainErrorCode => Object.hasOwn(scenarios, k)),
)
