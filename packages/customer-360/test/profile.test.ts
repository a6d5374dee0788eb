import { describe, expect, it } from 'vitest'
import { viewAsOf } from '../src/index.js'
import { event, registered, stateOf } from './support/events.js'

describe('profile, identities and consents', () => {
  const history = [
    registered('2024-01-01T10:00:00Z', 'c1', 'consumer'),
    event('ProfileUpdated', { segment: 'smb', name: 'Ada King' }, '2024-03-01T10:00:00Z'),
    event('IdentityLinked', { kind: 'email', value: 'ada@example.org' }, '2024-01-02T00:00:00Z'),
    event('IdentityLinked', { kind: 'external', value: 'SAP-1', system: 'sap' }, '2024-02-01T00:00:00Z'),
    event('IdentityLinked', { kind: 'email', value: 'ada@example.org' }, '2024-04-01T00:00:00Z'),
    event('ConsentGiven', { channel: 'email', purpose: 'marketing' }, '2024-01-05T00:00:00Z'),
    event('ConsentWithdrawn', { channel: 'email', purpose: 'marketing' }, '2024-05-01T00:00:00Z'),
    event('ConsentGiven', { channel: 'sms', purpose: 'service' }, '2024-02-01T00:00:00Z'),
  ]
  const s = stateOf(history)

  it('shows the profile as of an instant', () => {
    expect(viewAsOf(s, '2024-02-01').profile).toEqual({
      kind: 'person',
      name: 'Ada Lovelace',
      country: 'DE',
      segment: 'consumer',
      registeredAt: '2024-01-01T10:00:00.000Z',
    })
    expect(viewAsOf(s, '2024-06-01').profile).toMatchObject({ name: 'Ada King', segment: 'smb' })
    expect(viewAsOf(s, '2023-12-31').profile).toEqual({
      kind: null,
      name: null,
      country: null,
      segment: null,
      registeredAt: null,
    })
    expect(viewAsOf(s, '2023-12-31').known).toBe(false)
  })

  it('lists identities once, from when they were linked', () => {
    expect(viewAsOf(s, '2024-01-15').identities).toEqual([
      { kind: 'email', value: 'ada@example.org', system: null, linkedAt: '2024-01-02T00:00:00.000Z' },
    ])
    expect(viewAsOf(s, '2024-06-01').identities.map((i) => i.value)).toEqual(['ada@example.org', 'SAP-1'])
  })

  it('gives each consent per channel and purpose as of the instant', () => {
    expect(viewAsOf(s, '2024-03-01').consents).toEqual([
      { channel: 'email', purpose: 'marketing', given: true, since: '2024-01-05T00:00:00.000Z' },
      { channel: 'sms', purpose: 'service', given: true, since: '2024-02-01T00:00:00.000Z' },
    ])
    expect(viewAsOf(s, '2024-05-01').consents[0]).toEqual({
      channel: 'email',
      purpose: 'marketing',
      given: false,
      since: '2024-05-01T00:00:00.000Z',
    })
  })
})

describe('contact persons, account manager, credit score', () => {
  const history = [
    event('CustomerRegistered', { kind: 'organization', name: 'Acme GmbH', country: 'DE' }, '2024-01-01'),
    event(
      'ContactPersonAdded',
      { personId: 'p1', name: 'Grace Hopper', role: 'CTO', champion: true, email: 'grace@acme.test' },
      '2024-01-02',
    ),
    event(
      'ContactPersonAdded',
      { personId: 'p2', name: 'Alan Turing', role: 'purchasing', champion: false },
      '2024-01-03',
    ),
    event('ContactPersonLeft', { personId: 'p1', reason: 'moved on' }, '2024-03-01'),
    event('AccountManagerAssigned', { managerId: 'm1', managerName: 'Mia' }, '2024-01-10T00:00:00Z'),
    event('AccountManagerAssigned', { managerId: 'm2' }, '2024-02-10T00:00:00Z'),
    event('AccountManagerUnassigned', { managerId: 'm2', reason: 'left' }, '2024-04-01T00:00:00Z'),
    event('CreditScoreAssessed', { score: 700, agency: 'Schufa' }, '2024-01-05'),
    event('CreditScoreAssessed', { score: 640, agency: 'Schufa', validUntil: '2025-01-01' }, '2024-06-05'),
  ]
  const s = stateOf(history)

  it('shows contact persons with role, champion flag and who has left', () => {
    const before = viewAsOf(s, '2024-02-01').contactPersons
    expect(before).toMatchObject({ added: 2, active: 2, left: 0, champions: 1 })
    const after = viewAsOf(s, '2024-03-01').contactPersons
    expect(after).toMatchObject({ added: 2, active: 1, left: 1, champions: 0 })
    expect(after.people.find((p) => p.personId === 'p1')).toEqual({
      personId: 'p1',
      name: 'Grace Hopper',
      role: 'CTO',
      champion: true,
      email: 'grace@acme.test',
      phone: null,
      since: '2024-01-02T00:00:00.000Z',
      leftAt: '2024-03-01T00:00:00.000Z',
      active: false,
    })
  })

  it('counts a person added again after leaving as active', () => {
    const again = stateOf([
      ...history,
      event(
        'ContactPersonAdded',
        { personId: 'p1', name: 'Grace Hopper', role: 'CTO', champion: true },
        '2024-05-01',
      ),
    ])
    expect(viewAsOf(again, '2024-04-01').contactPersons.left).toBe(1)
    expect(viewAsOf(again, '2024-05-01').contactPersons).toMatchObject({ active: 2, left: 0 })
  })

  it('shows nobody explicitly before the first assignment and after an unassignment', () => {
    expect(viewAsOf(s, '2024-01-05').accountManager).toEqual({
      owner: { kind: 'nobody', since: null },
      history: [],
    })
    expect(viewAsOf(s, '2024-03-01').accountManager).toEqual({
      owner: { kind: 'manager', managerId: 'm2', managerName: null, since: '2024-02-10T00:00:00.000Z' },
      history: [
        {
          managerId: 'm1',
          managerName: 'Mia',
          from: '2024-01-10T00:00:00.000Z',
          to: '2024-02-10T00:00:00.000Z',
        },
        { managerId: 'm2', managerName: null, from: '2024-02-10T00:00:00.000Z', to: null },
      ],
    })
    const later = viewAsOf(s, '2024-05-01').accountManager
    expect(later.owner).toEqual({ kind: 'nobody', since: '2024-04-01T00:00:00.000Z' })
    expect(later.history[1]?.to).toBe('2024-04-01T00:00:00.000Z')
  })

  it('ignores the unassignment of a manager who does not own the customer', () => {
    const s2 = stateOf([
      ...history.slice(0, 6),
      event('AccountManagerUnassigned', { managerId: 'm1' }, '2024-03-01T00:00:00Z'),
    ])
    expect(viewAsOf(s2, '2024-04-01').accountManager.owner).toMatchObject({
      kind: 'manager',
      managerId: 'm2',
    })
  })

  it('gives the latest credit score with its trend', () => {
    expect(viewAsOf(s, '2024-02-01').credit).toEqual({
      score: 700,
      agency: 'Schufa',
      assessedAt: '2024-01-05T00:00:00.000Z',
      validUntil: null,
      previousScore: null,
      trend: null,
    })
    expect(viewAsOf(s, '2024-07-01').credit).toMatchObject({ score: 640, previousScore: 700, trend: 'down' })
    expect(viewAsOf(s, '2024-01-01').credit).toBeNull()
  })
})
