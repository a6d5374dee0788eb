import type { Dict } from './dict.js'

/**
 * The additive summaries of each kind of record, as the view counts them over a window (from, to]. The archive
 * of a table is one of these. Each kind's window rule is in its tally function (src/view/*-tally.ts).
 */

export type RevenueTally = { amount: number; orders: number }

export type OrderTally = {
  placed: number
  open: number
  delivered: number
  cancelled: number
  returned: number
  /** Orders not cancelled, by currency. */
  revenue: Dict<RevenueTally>
}

export type DeliveryTally = {
  onTime: number
  late: number
  failed: number
  overdue: number
  /** Open and not (yet) past a promise. */
  pending: number
  /** Completed without ever having been promised: neither on time nor late. */
  completedUnpromised: number
}

export type ReturnTally = { returns: number; refunded: Dict<number> }

export type MoneyTally = { billed: number; paid: number; outstanding: number; overdue: number }

export type InvoiceTally = {
  issued: number
  outstanding: number
  overdue: number
  paid: number
  amounts: Dict<MoneyTally>
}

export type WarrantyTally = {
  registered: number
  active: number
  expired: number
  claimed: number
  claims: number
}

export type SubscriptionTally = { started: number; active: number; ending: number; ended: number }

export type InquiryStatusTally = { received: number; open: number; answered: number; resolved: number }

export type InquiryTally = InquiryStatusTally & {
  byChannel: Dict<InquiryStatusTally>
  /** First responses (answer, or resolution without an answer) in the window, and their total delay. */
  responded: number
  responseMs: number
  /** Resolutions in the window of inquiries whose reception is known, and their total duration. */
  resolutions: number
  resolutionMs: number
  /** Resolutions in the window, and those resolved in the first contact. */
  resolvedFcrKnown: number
  firstContactResolved: number
  /** Inquiries whose SLA was decided in the window (answered, or the deadline passed), and those breached. */
  slaDecided: number
  slaBreached: number
  /** Received in the window, still unanswered, deadline passed (as of the window's end). */
  unansweredPastSla: number
}

export type AbandonedTally = {
  abandoned: number
  followedUp: number
  notFollowedUp: number
  /** No follow-up yet, but the window for one is still open. */
  awaitingFollowUp: number
  waitSeconds: number
  byChannel: Dict<number>
}

export type CallbackTally = {
  requested: number
  completed: number
  completedLate: number
  missed: number
  overdue: number
  pending: number
}

export type ComplaintTally = {
  filed: number
  open: number
  resolved: number
  satisfied: number
  bySeverity: Dict<{ open: number; resolved: number }>
}

export type ContactPersonTally = { added: number; active: number; left: number; champions: number }
