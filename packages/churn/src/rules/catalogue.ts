import type { SignalKind, SignalRule } from '../signal.js'
import { championLeft, invoiceOverdue, keyContactLeft, noOwner, paymentFailed } from './account.js'
import { contractEndingUnrenewed, orderCancelled, subscriptionCancelled } from './contracts.js'
import { deliveryLateOrFailed, detractorNps, lowCsat, scoresFalling } from './experience.js'
import { campaignDisengaged, consentWithdrawn, unsubscribed } from './marketing.js'
import { earlyRelationship, frequencyFalling, purchaseLapse, spendFalling } from './purchase.js'
import { abandonedContactUnanswered, complaintUnresolved, inquiryPastSla, supportSpike } from './service.js'

/** The rule behind every signal kind. Each is pure: (facts, asOfMs, thresholds) => Signal | undefined. */
export const signalRules: Readonly<Record<SignalKind, SignalRule>> = {
  'purchase-lapse': purchaseLapse,
  'early-relationship': earlyRelationship,
  'purchase-frequency-falling': frequencyFalling,
  'spend-falling': spendFalling,
  'abandoned-contact-unanswered': abandonedContactUnanswered,
  'inquiry-past-sla': inquiryPastSla,
  'complaint-unresolved': complaintUnresolved,
  'support-spike': supportSpike,
  'delivery-late-or-failed': deliveryLateOrFailed,
  'detractor-nps': detractorNps,
  'low-csat': lowCsat,
  'scores-falling': scoresFalling,
  'payment-failed': paymentFailed,
  'invoice-overdue': invoiceOverdue,
  'champion-left': championLeft,
  'key-contact-left': keyContactLeft,
  'contract-ending-unrenewed': contractEndingUnrenewed,
  'subscription-cancelled': subscriptionCancelled,
  'order-cancelled': orderCancelled,
  'campaign-disengaged': campaignDisengaged,
  unsubscribed,
  'consent-withdrawn': consentWithdrawn,
  'no-owner': noOwner,
}
