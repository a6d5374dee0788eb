import type { ContactPersonRecord } from '../state/records.js'
import type { ContactPersonTally } from '../state/tallies.js'
import { latestAsOf } from '../state/sorted.js'
import { happened } from './window.js'

/** When the person left, if their latest addition or departure by `asOfMs` is a departure. */
export const leftAsOf = (r: ContactPersonRecord, asOfMs: number): number | undefined => {
  const change = latestAsOf(r.presence, asOfMs)
  return change !== undefined && !change.value ? change.at : undefined
}

/** Contact persons known as of `asOfMs`: added, still active, left, and active champions. */
export const contactPersonsTally = (
  records: Iterable<ContactPersonRecord>,
  asOfMs: number,
): ContactPersonTally => {
  const t: ContactPersonTally = { added: 0, active: 0, left: 0, champions: 0 }
  for (const r of records) {
    if (!happened(r.at, asOfMs)) continue
    t.added++
    if (leftAsOf(r, asOfMs) !== undefined) t.left++
    else {
      t.active++
      if (r.champion) t.champions++
    }
  }
  return t
}
