import type { CallbackTally } from '../state/tallies.js'
import type { FollowUpStatus } from './follow-ups.js'

/** The service, feedback, channel and timeline parts of the customer view (see types.ts for the rest). */

export type Trend = 'up' | 'down' | 'flat'

export interface InquiryCounts {
  readonly received: number
  readonly open: number
  readonly answered: number
  readonly resolved: number
}

export interface OpenInquiryView {
  readonly inquiryId: string
  readonly channel: string | null
  readonly topic: string | null
  readonly receivedAt: string
  readonly answeredAt: string | null
  readonly slaDueAt: string
  readonly pastSla: boolean
  /** Personal data: null once the customer is forgotten. */
  readonly text: string | null
}

export interface ServiceView {
  readonly inquiries: InquiryCounts & {
    readonly byChannel: readonly (InquiryCounts & { readonly channel: string })[]
    readonly averageFirstResponseSeconds: number | null
    readonly averageResolutionSeconds: number | null
    readonly firstContactResolutionRate: number | null
    readonly unansweredPastSla: number
    readonly slaBreached: number
    readonly openItems: readonly OpenInquiryView[]
  }
  readonly abandoned: {
    readonly total: number
    readonly followedUp: number
    readonly notFollowedUp: number
    readonly awaitingFollowUp: number
    readonly averageWaitSeconds: number | null
    readonly recent: readonly {
      readonly contactId: string
      readonly channel: string | null
      readonly kind: string | null
      readonly at: string
      readonly followUpAt: string | null
      readonly status: FollowUpStatus
    }[]
  }
  readonly callbacks: CallbackTally
  readonly complaints: {
    readonly filed: number
    readonly open: number
    readonly resolved: number
    readonly satisfied: number
    readonly openItems: readonly {
      readonly complaintId: string
      readonly channel: string | null
      readonly category: string | null
      readonly severity: string | null
      readonly filedAt: string
      /** Personal data: null once the customer is forgotten. */
      readonly comment: string | null
    }[]
  }
  readonly outreach: number
}

export interface ScoreView {
  readonly score: number
  readonly at: string
  readonly previous: number | null
  readonly trend: Trend | null
}

export interface FeedbackView {
  readonly surveys: number
  readonly nps: (ScoreView & { readonly category: 'promoter' | 'passive' | 'detractor' }) | null
  readonly csat: ScoreView | null
  /** Customer effort: lower is better, so a trend `down` is an improvement. */
  readonly ces: ScoreView | null
  /** Personal data: null once the customer is forgotten. */
  readonly lastComment: string | null
  readonly campaigns: {
    readonly sent: number
    readonly opened: number
    readonly clicked: number
    readonly converted: number
    readonly unsubscribed: number
  }
}

export interface ChannelView {
  readonly channel: string
  readonly contacts: number
  readonly inbound: number
  readonly outbound: number
  readonly orders: number
  readonly lastInteractionAt: string | null
}

export interface TimelineItem {
  readonly at: string
  readonly type: string
  readonly ref: string | null
  readonly channel: string | null
}
