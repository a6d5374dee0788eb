import type { Dict } from '../state/dict.js'
import { dict, entriesOf, lookup } from '../state/dict.js'
import type { Customer360State } from '../state/state.js'
import { recordsOf } from '../state/table.js'
import type { TimeCounter } from '../state/time-counter.js'
import { countUpTo, lastUpTo } from '../state/time-counter.js'
import type { ChannelView } from './types.js'
import { happened, isoOrNull } from './window.js'

interface Mix {
  inbound: number
  outbound: number
  orders: number
  lastMs: number
}

/** Sums per-channel counters by the instant. */
export const countAllUpTo = (counters: Dict<TimeCounter> | null, asOfMs: number): number =>
  entriesOf(counters).reduce((n, [, c]) => n + countUpTo(c, asOfMs), 0)

/**
 * Contacts per channel by the instant — inbound: inquiries, complaints, abandoned contacts, callback requests;
 * outbound: answers to inquiries, outreach, campaigns sent — orders per channel, and the last interaction on
 * each (from the records kept; archived records add their counts once the archive counts). Busiest first.
 */
export const channelsAsOf = (s: Customer360State, asOfMs: number): ChannelView[] => {
  const mix = dict<Mix>()
  const add = (
    channel: string | null,
    direction: 'inbound' | 'outbound' | 'orders',
    at: number | null,
    n = 1,
  ) => {
    if (channel === null || !happened(at, asOfMs) || n === 0) return
    let m = lookup(mix, channel)
    if (m === undefined) mix[channel] = m = { inbound: 0, outbound: 0, orders: 0, lastMs: -Infinity }
    m[direction] += n
    if (at > m.lastMs) m.lastMs = at
  }
  for (const r of recordsOf(s.inquiries)) {
    add(r.channel, 'inbound', r.at)
    add(r.answerChannel, 'outbound', r.answeredMs)
  }
  for (const r of recordsOf(s.complaints)) add(r.channel, 'inbound', r.at)
  for (const r of recordsOf(s.abandoned)) add(r.channel, 'inbound', r.at)
  for (const r of recordsOf(s.callbacks)) add(r.channel, 'inbound', r.at)
  for (const r of recordsOf(s.orders)) add(r.channel, 'orders', r.at)
  for (const counters of [s.outreachByChannel, s.campaignsByChannel])
    for (const [channel, c] of entriesOf(counters))
      add(channel, 'outbound', lastUpTo(c, asOfMs) ?? null, countUpTo(c, asOfMs))
  if (s.horizonMs === null || asOfMs >= s.horizonMs)
    for (const [channel, a] of entriesOf(s.archivedChannels)) {
      const m = lookup(mix, channel)
      if (m === undefined) mix[channel] = { ...a, lastMs: -Infinity }
      else {
        m.inbound += a.inbound
        m.outbound += a.outbound
        m.orders += a.orders
      }
    }
  return Object.entries(mix)
    .map(([channel, m]) => ({
      channel,
      contacts: m.inbound + m.outbound,
      inbound: m.inbound,
      outbound: m.outbound,
      orders: m.orders,
      lastInteractionAt: isoOrNull(m.lastMs),
    }))
    .sort((a, b) => b.contacts + b.orders - (a.contacts + a.orders) || (a.channel < b.channel ? -1 : 1))
}
