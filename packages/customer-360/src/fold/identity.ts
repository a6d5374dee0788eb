import type { JourneyEvent } from '@journeykit/core'
import type { Customer360Options } from '../options.js'
import { dict, latestOf, lookup, minTime } from '../state/dict.js'
import { EMPTY } from '../state/sorted.js'
import type { ContactPersonRecord, IdentityEntry } from '../state/records.js'
import type { Customer360State } from '../state/state.js'
import { table } from '../state/table.js'
import { contactPersonsTally } from '../view/people.js'
import type { Apply, Context } from './common.js'
import { consentKey, recordIn, remember } from './common.js'
import { eraseCustomer } from './erase.js'

export const customerRegistered: Apply<JourneyEvent<'CustomerRegistered'>> = (s, e, at, o) => {
  s.registeredMs = minTime(s.registeredMs, at)
  s.kind = e.data.kind
  s.names = remember(s, s.names, { at, value: s.erased ? null : e.data.name }, o.limits.history)
  s.countries = remember(s, s.countries, { at, value: e.data.country }, o.limits.history)
  if (e.data.segment !== undefined)
    s.segments = remember(s, s.segments, { at, value: e.data.segment }, o.limits.history)
}

export const profileUpdated: Apply<JourneyEvent<'ProfileUpdated'>> = (s, e, at, o) => {
  const { name, country, segment } = e.data
  if (name !== undefined)
    s.names = remember(s, s.names, { at, value: s.erased ? null : name }, o.limits.history)
  if (country !== undefined) s.countries = remember(s, s.countries, { at, value: country }, o.limits.history)
  if (segment !== undefined) s.segments = remember(s, s.segments, { at, value: segment }, o.limits.history)
}

/** Index of the identity of `kind` with `value`, or -1. */
const identityIndex = (identities: readonly IdentityEntry[], kind: string, value: string): number => {
  for (let i = 0; i < identities.length; i++) {
    const identity = identities[i]
    if (identity !== undefined && identity.kind === kind && identity.value === value) return i
  }
  return -1
}

/** An identity linked again keeps its earliest link time. */
export const identityLinked: Apply<JourneyEvent<'IdentityLinked'>> = (s, e, at, o) => {
  const { kind, system } = e.data
  const value = s.erased ? null : e.data.value
  const known = value === null ? -1 : identityIndex(s.identities, kind, value)
  if (known >= 0 && (s.identities[known]?.at ?? -Infinity) <= at) return
  const others = known >= 0 ? s.identities.filter((_, i) => i !== known) : s.identities
  s.identities = remember(s, others, { at, kind, value, system: system ?? null }, o.limits.history)
}

const newContactPerson = (): ContactPersonRecord => ({
  at: null,
  name: null,
  role: null,
  champion: false,
  email: null,
  phone: null,
  presence: EMPTY,
})

const summarizePerson = (r: ContactPersonRecord, _id: string, { s }: Context) => ({
  tally: contactPersonsTally([r], s.latestMs ?? Infinity),
  lastMs: latestOf(r.at, r.presence[r.presence.length - 1]?.at ?? null),
})

const contactPerson = (s: Customer360State, id: string, at: number, o: Customer360Options) =>
  recordIn(s, (s.contactPersons ??= table()), id, at, o, newContactPerson, summarizePerson)

export const contactPersonAdded: Apply<JourneyEvent<'ContactPersonAdded'>> = (s, e, at, o) => {
  const person = contactPerson(s, e.data.personId, at, o)
  person.at = minTime(person.at, at)
  person.role = e.data.role
  person.champion = e.data.champion
  if (!s.erased) {
    person.name = e.data.name
    person.email = e.data.email ?? null
    person.phone = e.data.phone ?? null
  }
  person.presence = remember(s, person.presence, { at, value: true }, o.limits.history)
}

export const contactPersonLeft: Apply<JourneyEvent<'ContactPersonLeft'>> = (s, e, at, o) => {
  const person = contactPerson(s, e.data.personId, at, o)
  person.presence = remember(s, person.presence, { at, value: false }, o.limits.history)
}

export const accountManagerAssigned: Apply<JourneyEvent<'AccountManagerAssigned'>> = (s, e, at, o) => {
  const { managerId, managerName } = e.data
  s.owners = remember(
    s,
    s.owners,
    { at, managerId, managerName: managerName ?? null, assigned: true },
    o.limits.history,
  )
}

export const accountManagerUnassigned: Apply<JourneyEvent<'AccountManagerUnassigned'>> = (s, e, at, o) => {
  s.owners = remember(
    s,
    s.owners,
    { at, managerId: e.data.managerId, managerName: null, assigned: false },
    o.limits.history,
  )
}

const consentChange =
  (given: boolean): Apply<JourneyEvent<'ConsentGiven' | 'ConsentWithdrawn'>> =>
  (s, e, at, o) => {
    const key = consentKey(e.data.channel, e.data.purpose)
    const consents = (s.consents ??= dict())
    consents[key] = remember(s, lookup(consents, key) ?? EMPTY, { at, value: given }, o.limits.history)
  }
export const consentGiven = consentChange(true)
export const consentWithdrawn = consentChange(false)

export const creditScoreAssessed: Apply<JourneyEvent<'CreditScoreAssessed'>> = (s, e, at, o) => {
  const { score, agency, validUntil } = e.data
  s.credit = remember(s, s.credit, { at, score, agency, validUntil: validUntil ?? null }, o.limits.history)
}

export const customerForgotten: Apply<JourneyEvent<'CustomerForgotten'>> = (s, _e, at) => {
  s.forgottenMs = minTime(s.forgottenMs, at)
  eraseCustomer(s)
}
