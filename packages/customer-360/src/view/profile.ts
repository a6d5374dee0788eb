import { entriesOf } from '../state/dict.js'
import { itemsAsOf, latestAsOf } from '../state/sorted.js'
import type { Change } from '../state/records.js'
import type { Customer360State } from '../state/state.js'
import { archiveAsOf } from '../state/table.js'
import { addTally } from '../state/tally.js'
import { contactPersonsTally, leftAsOf } from './people.js'
import type {
  ConsentView,
  ContactPersonView,
  CreditView,
  CustomerView,
  IdentityView,
  Owner,
  OwnershipPeriod,
  Profile,
  Trend,
} from './types.js'
import { byText, happened, isoOrNull } from './window.js'

const iso = (ms: number): string => new Date(ms).toISOString()

const valueAsOf = <T>(changes: readonly Change<T>[], asOfMs: number): T | null =>
  latestAsOf(changes, asOfMs)?.value ?? null

export const trendOf = (latest: number, previous: number | null): Trend | null =>
  previous === null ? null : latest > previous ? 'up' : latest < previous ? 'down' : 'flat'

export const profileAsOf = (s: Customer360State, asOfMs: number): Profile => ({
  kind: happened(s.registeredMs, asOfMs) ? s.kind : null,
  name: valueAsOf(s.names, asOfMs),
  country: valueAsOf(s.countries, asOfMs),
  segment: valueAsOf(s.segments, asOfMs),
  registeredAt: happened(s.registeredMs, asOfMs) ? iso(s.registeredMs) : null,
})

/** The identities linked by the instant, oldest first. */
export const identitiesAsOf = (s: Customer360State, asOfMs: number): IdentityView[] =>
  itemsAsOf(s.identities, asOfMs)
    .map((i) => ({ kind: i.kind, value: i.value, system: i.system, linkedAt: iso(i.at) }))
    .sort((a, b) => byText(a.linkedAt, b.linkedAt) || byText(a.kind, b.kind) || byText(a.value, b.value))

/** Each channel/purpose with a consent change by the as-of instant: given or withdrawn, and since when. */
export const consentsAsOf = (s: Customer360State, asOfMs: number): ConsentView[] => {
  const consents: ConsentView[] = []
  for (const [key, changes] of entriesOf(s.consents).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const change = latestAsOf(changes, asOfMs)
    if (change === undefined) continue
    const [channel = key, purpose = ''] = key.split('/')
    consents.push({ channel, purpose, given: change.value, since: iso(change.at) })
  }
  return consents
}

export const contactPersonsAsOf = (s: Customer360State, asOfMs: number): CustomerView['contactPersons'] => {
  const entries = s.contactPersons === null ? [] : Object.entries(s.contactPersons.byId)
  const people: ContactPersonView[] = []
  for (const [personId, r] of entries) {
    if (!happened(r.at, asOfMs)) continue
    const left = leftAsOf(r, asOfMs)
    people.push({
      personId,
      name: r.name,
      role: r.role,
      champion: r.champion,
      email: r.email,
      phone: r.phone,
      since: iso(r.at),
      leftAt: left === undefined ? null : iso(left),
      active: left === undefined,
    })
  }
  people.sort((a, b) => byText(a.since, b.since) || byText(a.personId, b.personId))
  const tally = contactPersonsTally(
    entries.map(([, r]) => r),
    asOfMs,
  )
  const archive = archiveAsOf(s.contactPersons, asOfMs)
  if (archive !== null) addTally(tally, archive)
  return { ...tally, people }
}

/**
 * The owner as of the instant and the ownership history: an assignment replaces the owner; an unassignment of
 * the current owner leaves nobody owning the customer (shown explicitly as `nobody`).
 */
export const accountManagerAsOf = (s: Customer360State, asOfMs: number): CustomerView['accountManager'] => {
  const history: OwnershipPeriod[] = []
  let current: { managerId: string; managerName: string | null; from: number } | null = null
  let nobodySince: number | null = null
  for (const change of itemsAsOf(s.owners, asOfMs)) {
    if (change.assigned) {
      if (current !== null) history.push({ ...periodOf(current), to: iso(change.at) })
      current = { managerId: change.managerId, managerName: change.managerName, from: change.at }
    } else if (current !== null && current.managerId === change.managerId) {
      history.push({ ...periodOf(current), to: iso(change.at) })
      current = null
      nobodySince = change.at
    }
  }
  if (current !== null) history.push({ ...periodOf(current), to: null })
  const owner: Owner =
    current === null
      ? { kind: 'nobody', since: isoOrNull(nobodySince) }
      : {
          kind: 'manager',
          managerId: current.managerId,
          managerName: current.managerName,
          since: iso(current.from),
        }
  return { owner, history }
}

const periodOf = (p: { managerId: string; managerName: string | null; from: number }) => ({
  managerId: p.managerId,
  managerName: p.managerName,
  from: iso(p.from),
})

/** The owner's manager id as of the instant, or null for nobody (cheap: for filtering). */
export const ownerIdAsOf = (s: Customer360State, asOfMs: number): string | null => {
  let owner: string | null = null
  for (const change of itemsAsOf(s.owners, asOfMs))
    if (change.assigned) owner = change.managerId
    else if (owner === change.managerId) owner = null
  return owner
}

export const creditAsOf = (s: Customer360State, asOfMs: number): CreditView | null => {
  const assessments = itemsAsOf(s.credit, asOfMs)
  const latest = assessments[assessments.length - 1]
  if (latest === undefined) return null
  const previous = assessments[assessments.length - 2]?.score ?? null
  return {
    score: latest.score,
    agency: latest.agency,
    assessedAt: iso(latest.at),
    validUntil: latest.validUntil,
    previousScore: previous,
    trend: trendOf(latest.score, previous),
  }
}
