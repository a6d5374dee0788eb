import { DAY_MS } from '@journeykit/core'
import { YEAR_MS, dayOf } from '../clock.js'
import { badExperience } from '../churn.js'
import { between, chance, exponential, intBetween, pick } from '../random.js'
import { contactRoles, firstNames, lastNames, minorUnitsPerEuro } from '../reference-data.js'
import type { Sim } from '../sim.js'
import { emit, emitDated, nextId, schedule, scheduleOnDay } from '../sim.js'

const managerNames = [
  'Alex Rivera',
  'Sam Okafor',
  'Jordan Lee',
  'Taylor Novak',
  'Robin Sato',
  'Kim Berg',
] as const

const assignManager = (c: Sim): void => {
  const number = intBetween(c.rng, 1, 40)
  const managerId = `am-${String(number).padStart(2, '0')}`
  c.manager = managerId
  emit(c, 'AccountManagerAssigned', {
    managerId,
    managerName: `${managerNames[number % managerNames.length] ?? 'Alex Rivera'} (${number})`,
  })
}

/**
 * Account managers come and go: a manager leaving is replaced at once, replaced after weeks, or not at all (the
 * customer is then owned by nobody). Unowned customers are sometimes picked up later.
 */
const ownershipChange = (c: Sim): void => {
  const current = c.manager
  if (current === undefined) assignManager(c)
  else if (chance(c.rng, 0.35)) assignManager(c)
  else {
    emit(c, 'AccountManagerUnassigned', {
      managerId: current,
      reason: pick(c.rng, ['left the company', 'territory change']),
    })
    c.manager = undefined
    if (chance(c.rng, 0.5)) {
      schedule(c, c.now + between(c.rng, 7, 180) * DAY_MS, ownershipChange)
      return
    }
  }
  scheduleOwnershipChange(c)
}

const scheduleOwnershipChange = (c: Sim): void => {
  const unownedPickUp = c.profile.kind === 'organization' ? 0.05 : 0.01
  const perYear = c.manager === undefined ? unownedPickUp : c.mix.managerTurnoverPerYear
  if (perYear > 0) schedule(c, c.now + exponential(c.rng, YEAR_MS / perYear), ownershipChange)
}

/** A contact person at an organization; a champion who leaves is a bad experience (and often replaced). */
const addContact = (c: Sim, champion: boolean): void => {
  const personId = nextId(c, 'cp')
  const first = pick(c.rng, firstNames)
  const last = pick(c.rng, lastNames)
  emit(c, 'ContactPersonAdded', {
    personId,
    name: `${first} ${last}`,
    role: pick(c.rng, contactRoles),
    champion,
    email: `contact.${personId}@${c.number}.example.com`,
  })
  const perYear = champion ? c.mix.championTurnoverPerYear : 0.1
  if (perYear <= 0) return
  schedule(c, c.now + exponential(c.rng, YEAR_MS / perYear), (s) => {
    emit(s, 'ContactPersonLeft', {
      personId,
      reason: pick(s.rng, ['left the company', 'changed role', 'retired']),
    })
    if (champion) badExperience(s, 'championsLeft')
    if (chance(s.rng, 0.6))
      schedule(s, s.now + between(s.rng, 30, 180) * DAY_MS, (t) =>
        addContact(t, champion && chance(t.rng, 0.4)),
      )
  })
}

/** Who the customer is on our side: identities, contact persons, an owner, and a credit check. */
export const setUpAccount = (c: Sim): void => {
  const p = c.profile
  emit(c, 'IdentityLinked', { kind: 'email', value: p.email })
  if (chance(c.rng, 0.7)) emit(c, 'IdentityLinked', { kind: 'phone', value: p.phone })
  if (p.kind === 'organization') {
    emit(c, 'IdentityLinked', { kind: 'external', value: `SAP-${c.number}`, system: 'sap' })
    const contacts = intBetween(c.rng, 1, 3)
    for (let i = 0; i < contacts; i++) addContact(c, i === 0 && p.hasChampion)
    scheduleOnDay(c, dayOf(c.now) + 1, creditCheck)
  } else if (chance(c.rng, 0.15)) scheduleOnDay(c, dayOf(c.now) + 1, creditCheck)
  if (p.owned) assignManager(c)
  scheduleOwnershipChange(c)
  if (chance(c.rng, 0.1)) schedule(c, c.now + between(c.rng, 60, 900) * DAY_MS, profileChange)
}

/** A credit assessment (a date-only fact); organizations are re-assessed every year. */
const creditCheck = (c: Sim): void => {
  const score = Math.min(
    1000,
    Math.max(0, c.profile.creditScore - 40 * c.bad.paymentFailures + intBetween(c.rng, -40, 40)),
  )
  const today = dayOf(c.now)
  emitDated(c, 'CreditScoreAssessed', {
    score,
    agency: 'Creditreform',
    validUntil: c.world.clock.date(today + 365),
  })
  if (c.profile.kind === 'organization') scheduleOnDay(c, today + 365, creditCheck)
}

const profileChange = (c: Sim): void => {
  if (c.profile.kind === 'person' && chance(c.rng, 0.5))
    emit(c, 'ProfileUpdated', { name: `${c.profile.name.split(' ')[0] ?? 'Alex'} ${pick(c.rng, lastNames)}` })
  else emit(c, 'ProfileUpdated', { segment: c.profile.kind === 'person' ? 'premium' : 'key-account' })
  if (chance(c.rng, 0.3))
    emit(c, 'IdentityLinked', { kind: 'email', value: `new.${c.number}@mail.example.com` })
}

/**
 * A yearly subscription or service contract. Before each end date the customer renews, unless they churned
 * by then: then they cancel it (or, half the time, let it run out in silence). Some churners cancel at once.
 */
export const startSubscription = (c: Sim): void => {
  if (!c.profile.subscribed) return
  schedule(c, c.now + between(c.rng, 0, 30) * DAY_MS, (s) => {
    const subscriptionId = nextId(s, 'sub')
    const organization = s.profile.kind === 'organization'
    let endDay = dayOf(s.now) + 365
    let cancelled = false
    const cancel = (t: typeof s, reason: string): void => {
      if (cancelled) return
      cancelled = true
      emit(t, 'SubscriptionCancelled', { subscriptionId, endsOn: t.world.clock.date(endDay), reason })
    }
    const review = (t: typeof s): void => {
      if (cancelled) return
      if (t.churnedMs === undefined) {
        endDay += 365
        emit(t, 'SubscriptionRenewed', { subscriptionId, endsOn: t.world.clock.date(endDay) })
        schedule(t, (endDay - intBetween(t.rng, 20, 45)) * DAY_MS, review)
      } else if (chance(t.rng, 0.5)) cancel(t, 'no longer needed')
    }
    emit(s, 'SubscriptionStarted', {
      subscriptionId,
      plan: organization
        ? pick(s.rng, ['service-contract', 'enterprise-support'])
        : pick(s.rng, ['plus', 'premium-care']),
      endsOn: s.world.clock.date(endDay),
      amount: Math.round((organization ? 1200 : 99) * minorUnitsPerEuro(s.profile.market)),
      currency: s.profile.market.currency,
    })
    schedule(s, (endDay - intBetween(s.rng, 20, 45)) * DAY_MS, review)
    s.churnReactions.push((t) => {
      if (chance(t.rng, 0.3))
        schedule(t, t.now + between(t.rng, 1, 20) * DAY_MS, (u) => cancel(u, 'switching provider'))
    })
  })
}

/** Some churned persons ask to be forgotten: an erasure, after which nothing more happens to them. */
export const forgetSomeChurners = (c: Sim): void => {
  if (c.profile.kind !== 'person') return
  c.churnReactions.push((t) => {
    if (!chance(t.rng, t.mix.forgetRate)) return
    schedule(t, t.now + between(t.rng, 30, 300) * DAY_MS, (u) => {
      emit(u, 'CustomerForgotten', { requestedBy: 'the customer', ticket: `GDPR-${u.number}` })
      u.forgottenMs = u.now
    })
  })
}
