import type { Channel, EventData } from '@journeykit/core'
import { DAY_MS } from '@journeykit/core'
import type { AbandonmentKind } from '../channels.js'
import { abandonmentKinds, contactChannels, slaHours } from '../channels.js'
import { HOUR_MS, MINUTE_MS } from '../clock.js'
import { badExperience, badScore } from '../churn.js'
import { between, chance, draw, exponential, intBetween, pick } from '../random.js'
import type { Sim, Writable } from '../sim.js'
import { activeTime, emit, nextId, schedule } from '../sim.js'
import { askSurvey } from './feedback.js'

const topics = ['product', 'billing', 'delivery', 'returns', 'account', 'technical', 'contract'] as const
const agent = (c: Sim): string => `agent-${String(intBetween(c.rng, 1, 120)).padStart(3, '0')}`

const channelOf = (c: Sim): Channel =>
  chance(c.rng, 0.6) ? c.profile.contactChannel : draw(c.rng, contactChannels)

/**
 * The customer tries to reach us at `at` about `topic`: the attempt is abandoned (a queue hang-up, a dropped call,
 * a disconnected chat, an unanswered email, an abandoned form) or becomes an inquiry.
 */
export const contactAttempt = (c: Sim, topic: string, at: number): void =>
  schedule(c, activeTime(c, at), (s) => {
    const channel = channelOf(s)
    const kinds = abandonmentKinds[channel]
    if (kinds !== undefined && chance(s.rng, s.mix.abandonmentRate))
      abandon(s, channel, pick(s.rng, kinds), topic)
    else if (channel === 'web' && chance(s.rng, 0.15)) requestCallback(s, 'web', undefined)
    else inquiry(s, channel, topic)
  })

const abandon = (c: Sim, channel: Channel, kind: AbandonmentKind, topic: string): void => {
  const contactId = nextId(c, 'ab')
  const waitSeconds =
    kind === 'email_unanswered' ? intBetween(c.rng, 2, 7) * 86_400 : intBetween(c.rng, 20, 900)
  emit(c, 'ContactAbandoned', { contactId, channel, kind, waitSeconds, topic }, contactId)
  if (!chance(c.rng, c.mix.followUpRate)) {
    schedule(c, c.now + 2 * DAY_MS, (s) => badExperience(s, 'abandonedNotFollowedUp'))
    if (chance(c.rng, 0.4)) contactAttempt(c, topic, c.now + between(c.rng, 1, 48) * HOUR_MS)
    return
  }
  if (chance(c.rng, 0.5)) requestCallback(c, channel === 'chat' ? 'chat' : 'phone', contactId)
  else
    schedule(c, c.now + between(c.rng, 1, 30) * HOUR_MS, (s) =>
      emit(
        s,
        'OutreachMade',
        {
          outreachId: nextId(s, 'out'),
          channel: pick(s.rng, ['phone', 'email'] as const),
          purpose: 'follow-up',
          followsUp: contactId,
          agentId: agent(s),
        },
        contactId,
      ),
    )
}

/** A callback promised within hours; completed, or missed (a bad experience). */
const requestCallback = (c: Sim, channel: Channel, followsUp: string | undefined): void => {
  const callbackId = nextId(c, 'cb')
  const dueMs = c.now + between(c.rng, 2, 24) * HOUR_MS
  const data: Writable<EventData<'CallbackRequested'>> = {
    callbackId,
    channel,
    dueBy: c.world.clock.instant(dueMs),
  }
  if (followsUp !== undefined) data.followsUp = followsUp
  emit(c, 'CallbackRequested', data, callbackId)
  if (chance(c.rng, c.mix.missedCallbackRate))
    schedule(c, dueMs + between(c.rng, 1, 120) * MINUTE_MS, (s) => {
      emit(
        s,
        'CallbackMissed',
        { callbackId, reason: pick(s.rng, ['no agent available', 'customer not reached']) },
        callbackId,
      )
      badExperience(s, 'missedCallbacks')
    })
  else
    schedule(c, c.now + between(c.rng, 0.1, 1) * (dueMs - c.now), (s) =>
      emit(s, 'CallbackCompleted', { callbackId, agentId: agent(s) }, callbackId),
    )
}

/**
 * An inquiry with its SLA: answered in time, or not (then answered late or never: a bad experience either way
 * once the SLA passes), then resolved at first contact, later, or never.
 */
const inquiry = (c: Sim, channel: Channel, topic: string): void => {
  const inquiryId = nextId(c, 'inq')
  const sla = slaHours[channel]
  emit(c, 'InquiryReceived', { inquiryId, channel, topic, slaHours: sla }, inquiryId)
  const breach = chance(c.rng, c.mix.slaBreachRate)
  if (breach) schedule(c, c.now + sla * HOUR_MS, (s) => badExperience(s, 'inquiriesPastSla'))
  if (breach && chance(c.rng, 0.3)) return
  const answerMs = breach
    ? c.now + sla * HOUR_MS + between(c.rng, 1, 72) * HOUR_MS
    : c.now + Math.max(MINUTE_MS, between(c.rng, 0.05, 0.9) * sla * HOUR_MS)
  const answerChannel: Channel = channel === 'fax' || channel === 'kiosk' ? 'email' : channel
  const agentId = agent(c)
  schedule(c, answerMs, (s) =>
    emit(s, 'InquiryAnswered', { inquiryId, channel: answerChannel, agentId }, inquiryId),
  )
  const firstContact = !breach && chance(c.rng, 0.55)
  if (!firstContact && chance(c.rng, 0.1)) return
  const resolveMs = firstContact
    ? answerMs + between(c.rng, 1, 30) * MINUTE_MS
    : answerMs + between(c.rng, 1, 7) * DAY_MS
  schedule(c, resolveMs, (s) => {
    emit(s, 'InquiryResolved', { inquiryId, firstContactResolution: firstContact }, inquiryId)
    if (chance(s.rng, 0.3))
      askSurvey(s, 'service', inquiryId, breach ? 0.25 : 0, s.now + between(s.rng, 1, 24) * HOUR_MS)
  })
}

const complaintComments = [
  'This is not acceptable.',
  'Nobody called me back.',
  'I expected better.',
  'Second time this happens.',
] as const

/** With probability `p` (times the complaint knob) the customer complains; most complaints are resolved. */
export const maybeComplain = (
  c: Sim,
  category: string,
  severity: 'low' | 'medium' | 'high',
  p: number,
  orderId: string | undefined,
): void => {
  if (!chance(c.rng, Math.min(1, p * c.mix.complaintFrequency))) return
  schedule(c, activeTime(c, c.now + between(c.rng, 1, 48) * HOUR_MS), (s) => {
    const complaintId = nextId(s, 'cmp')
    const comment = chance(s.rng, 0.5) ? pick(s.rng, complaintComments) : undefined
    const data: Writable<EventData<'ComplaintFiled'>> = {
      complaintId,
      channel: channelOf(s),
      category,
      severity,
    }
    if (orderId !== undefined) data.orderId = orderId
    if (comment !== undefined) data.comment = comment
    emit(s, 'ComplaintFiled', data, complaintId)
    const unresolved = chance(s.rng, s.mix.unresolvedComplaintRate)
    const resolveDays = between(s.rng, 1, 20)
    if (unresolved || resolveDays > 14)
      schedule(s, s.now + 14 * DAY_MS, (t) => badExperience(t, 'unresolvedComplaints'))
    if (unresolved) return
    const satisfied = chance(s.rng, 0.7)
    schedule(s, s.now + resolveDays * DAY_MS, (t) =>
      emit(
        t,
        'ComplaintResolved',
        { complaintId, outcome: pick(t.rng, ['refund', 'apology', 'replacement', 'voucher']), satisfied },
        complaintId,
      ),
    )
  })
}

/** The customer's own need to contact us: a Poisson process, more frequent when things go wrong; stops at churn. */
const contactNeed = (c: Sim): void => {
  if (c.churnedMs !== undefined) return
  const topic = pick(c.rng, topics)
  if (chance(c.rng, 0.05)) maybeComplain(c, topic, pick(c.rng, ['low', 'medium'] as const), 1, undefined)
  else contactAttempt(c, topic, c.now)
  scheduleNextContact(c)
}

const scheduleNextContact = (c: Sim): void => {
  const base = c.profile.kind === 'organization' ? 60 : 150
  const rate = (c.mix.contactFrequency * c.profile.contactNeed * (1 + 0.3 * badScore(c))) / base
  if (rate > 0) schedule(c, c.now + exponential(c.rng, DAY_MS / rate), contactNeed)
}

export const startContacts = scheduleNextContact
