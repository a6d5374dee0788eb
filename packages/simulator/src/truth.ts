/**
 * The ground truth of a simulation: what the simulator made happen to each customer, which the events only
 * show indirectly. Tests and benchmarks measure churn signals against it.
 */

/** Bad experiences a customer had, by kind (each raised their churn hazard). */
export interface BadExperiences {
  /** Deliveries that arrived after the promised day (or instant). */
  lateDeliveries: number
  failedDeliveries: number
  /** Abandoned contacts nobody followed up within two days. */
  abandonedNotFollowedUp: number
  missedCallbacks: number
  /** Inquiries not answered within their SLA. */
  inquiriesPastSla: number
  /** NPS answers of 0-6, or CSAT of 1-2. */
  detractorSurveys: number
  /** Complaints still open 14 days after they were filed. */
  unresolvedComplaints: number
  /** Champions at an organization who left. */
  championsLeft: number
  paymentFailures: number
}

export const noBadExperiences = (): BadExperiences => ({
  lateDeliveries: 0,
  failedDeliveries: 0,
  abandonedNotFollowedUp: 0,
  missedCallbacks: 0,
  inquiriesPastSla: 0,
  detractorSurveys: 0,
  unresolvedComplaints: 0,
  championsLeft: 0,
  paymentFailures: 0,
})

export const totalBadExperiences = (b: BadExperiences): number =>
  b.lateDeliveries +
  b.failedDeliveries +
  b.abandonedNotFollowedUp +
  b.missedCallbacks +
  b.inquiriesPastSla +
  b.detractorSurveys +
  b.unresolvedComplaints +
  b.championsLeft +
  b.paymentFailures

export interface CustomerTruth {
  readonly customerId: string
  readonly kind: 'person' | 'organization'
  readonly segment: string
  readonly currency: string
  readonly timeZone: string
  /** When the customer registered (an instant). */
  readonly registeredAt: string
  /** The customer's own typical gap between purchases, in days, before any drift. */
  readonly cadenceDays: number
  /** Whether the simulator made the customer churn within the period. */
  readonly churned: boolean
  /**
   * When it decided so (an instant): from then on the customer places no order. Earlier, bad experiences have
   * already been stretching the gaps between their purchases and shrinking their orders.
   */
  readonly churnedAt: string | undefined
  /** When the customer was forgotten (erasure), if they were. */
  readonly forgottenAt: string | undefined
  /** Orders placed. */
  readonly orders: number
  /** Bad experiences up to `churnedAt`, or to the end of the period for customers who stayed. */
  readonly badExperiences: Readonly<BadExperiences>
  /** Days from registration to `churnedAt` (or to the end of the period). */
  readonly activeDays: number
}
