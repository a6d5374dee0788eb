import { oneOf } from '../codecs/primitives.js'

/** Every channel a customer can reach us on, or we them. */
export const channels = [
  'web',
  'app',
  'phone',
  'ivr',
  'email',
  'chat',
  'sms',
  'fax',
  'kiosk',
  'store',
  'partner',
  'social',
] as const
export const Channel = oneOf('Channel', channels)
export type Channel = (typeof channels)[number]

export const CustomerKind = oneOf('CustomerKind', ['person', 'organization'])
export type CustomerKind = typeof CustomerKind._A

export const IdentityKind = oneOf('IdentityKind', ['email', 'phone', 'external'])

export const ConsentPurpose = oneOf('ConsentPurpose', ['marketing', 'service', 'profiling', 'third_party'])

export const AbandonmentKind = oneOf('AbandonmentKind', [
  'queue_hangup',
  'dropped_call',
  'chat_disconnected',
  'email_unanswered',
  'form_abandoned',
])

export const Severity = oneOf('Severity', ['low', 'medium', 'high'])

export const CancelledBy = oneOf('CancelledBy', ['customer', 'company'])

export const CampaignResponse = oneOf('CampaignResponse', ['opened', 'clicked', 'converted', 'unsubscribed'])
