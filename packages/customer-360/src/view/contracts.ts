import { DAY_MS, toEpochMs } from '@journeykit/core'
import { latestAsOf } from '../state/sorted.js'
import type { SubscriptionRecord, WarrantyRecord } from '../state/records.js'
import type { SubscriptionTally, WarrantyTally } from '../state/tallies.js'
import { happened } from './window.js'

/** Warranties registered by `asOfMs`: still covering or expired, and those claimed (with the number of claims). */
export const warrantyTally = (records: Iterable<WarrantyRecord>, asOfMs: number): WarrantyTally => {
  const t: WarrantyTally = { registered: 0, active: 0, expired: 0, claimed: 0, claims: 0 }
  for (const r of records) {
    if (!happened(r.at, asOfMs)) continue
    t.registered++
    if (r.coverEndsMs !== null && asOfMs >= r.coverEndsMs) t.expired++
    else t.active++
    let claims = 0
    for (const claim of r.claims) if (claim <= asOfMs) claims++
    t.claims += claims
    if (claims > 0) t.claimed++
  }
  return t
}

export type ContractStatus = 'active' | 'ending' | 'ended'

export interface ContractAsOf {
  readonly endsOn: string
  readonly status: ContractStatus
}

/**
 * A subscription as of `asOfMs`, from the latest change by then (start, renewal or cancellation): ended once
 * its end date is over (UTC), ending when cancelled but not yet ended, active otherwise.
 */
export const contractAsOf = (r: SubscriptionRecord, asOfMs: number): ContractAsOf | undefined => {
  if (!happened(r.at, asOfMs)) return undefined
  const change = latestAsOf(r.changes, asOfMs)
  if (change === undefined) return undefined
  const endedFromMs = toEpochMs(change.endsOn) + DAY_MS
  const status: ContractStatus = asOfMs >= endedFromMs ? 'ended' : change.cancelled ? 'ending' : 'active'
  return { endsOn: change.endsOn, status }
}

export const subscriptionTally = (
  records: Iterable<SubscriptionRecord>,
  asOfMs: number,
): SubscriptionTally => {
  const t: SubscriptionTally = { started: 0, active: 0, ending: 0, ended: 0 }
  for (const r of records) {
    const contract = contractAsOf(r, asOfMs)
    if (contract === undefined) continue
    t.started++
    t[contract.status]++
  }
  return t
}
