import type { Channel } from '@journeykit/core'
import type { Weighted } from './random.js'
import { weighted } from './random.js'

/** Where persons place orders. */
export const personOrderChannels: Weighted<Channel> = weighted<Channel>([
  ['web', 36],
  ['app', 22],
  ['store', 14],
  ['phone', 5],
  ['kiosk', 4],
  ['partner', 6],
  ['social', 4],
  ['chat', 3],
  ['email', 2],
  ['sms', 1],
])

/** Where organizations place orders. */
export const organizationOrderChannels: Weighted<Channel> = weighted<Channel>([
  ['web', 26],
  ['email', 20],
  ['phone', 14],
  ['partner', 16],
  ['fax', 5],
  ['app', 5],
  ['store', 4],
  ['chat', 5],
  ['kiosk', 1],
  ['social', 1],
  ['sms', 1],
])

/** Where customers contact us (inquiries, abandoned attempts, complaints). */
export const contactChannels: Weighted<Channel> = weighted<Channel>([
  ['phone', 24],
  ['email', 22],
  ['chat', 15],
  ['ivr', 7],
  ['web', 9],
  ['app', 6],
  ['social', 5],
  ['sms', 3],
  ['store', 4],
  ['fax', 1],
  ['kiosk', 1],
  ['partner', 3],
])

/** Where marketing campaigns go out (and consents for them are asked). */
export const campaignChannels: Weighted<Channel> = weighted<Channel>([
  ['email', 60],
  ['sms', 14],
  ['app', 12],
  ['social', 10],
  ['fax', 2],
  ['partner', 2],
])

/** How long we promise to take to answer on each channel, in hours. */
export const slaHours: Readonly<Record<Channel, number>> = {
  phone: 1,
  ivr: 1,
  chat: 1,
  store: 2,
  kiosk: 4,
  sms: 12,
  social: 12,
  web: 24,
  app: 24,
  email: 24,
  fax: 48,
  partner: 48,
}

export type AbandonmentKind =
  'queue_hangup' | 'dropped_call' | 'chat_disconnected' | 'email_unanswered' | 'form_abandoned'

/** How a contact on each channel gets lost; undefined where contacts are not abandoned. */
export const abandonmentKinds: Readonly<
  Record<Channel, readonly [AbandonmentKind, ...AbandonmentKind[]] | undefined>
> = {
  phone: ['queue_hangup', 'queue_hangup', 'dropped_call'],
  ivr: ['queue_hangup'],
  chat: ['chat_disconnected'],
  email: ['email_unanswered'],
  social: ['email_unanswered'],
  web: ['form_abandoned'],
  app: ['form_abandoned'],
  kiosk: ['form_abandoned'],
  sms: undefined,
  store: undefined,
  fax: undefined,
  partner: undefined,
}
