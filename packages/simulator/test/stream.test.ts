import { customerStreamId, toEpochMs } from '@journeykit/core'
import { describe, expect, it } from 'vitest'
import type { CustomerTruth } from '../src/index.js'
import { simulate } from '../src/index.js'

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('the event stream', () => {
  it('is in global time order, each customer starting with their registration, with unique v7 ids', () => {
    const ids = new Set<string>()
    const started = new Set<string>()
    const problems: string[] = []
    const check = (ok: boolean, what: string): void => {
      if (!ok && problems.length < 5) problems.push(what)
    }
    let previous = -Infinity
    let events = 0
    for (const e of simulate({ customers: 250, seed: 5 })) {
      events++
      const at = toEpochMs(e.occurredAt)
      check(at >= previous, `${e.id} occurred before the event yielded before it`)
      previous = at
      if (!started.has(e.customerId)) {
        check(e.type === 'CustomerRegistered', `${e.customerId} starts with ${e.type}`)
        started.add(e.customerId)
      }
      check(e.streamId === customerStreamId(e.customerId), `${e.id} is in stream ${e.streamId}`)
      check(!ids.has(e.id), `${e.id} is there twice`)
      ids.add(e.id)
      const recorded = toEpochMs(e.recordedAt)
      check(recorded > at && recorded - at < 5 * 3_600_000, `${e.id} recorded at ${e.recordedAt}`)
      // UUID v7: the first 48 bits are the recording time in milliseconds; version 7, variant 10.
      check(UUID_V7.test(e.id), `${e.id} is not a UUID v7`)
      check(
        parseInt(e.id.slice(0, 8) + e.id.slice(9, 13), 16) === recorded,
        `${e.id} is not stamped with recordedAt`,
      )
    }
    expect(problems).toEqual([])
    expect(started.size).toBe(250)
    expect(events).toBeGreaterThan(15_000)
  })

  it('stays within the period: nothing before the start, nothing at or after the end', () => {
    const start = toEpochMs('2024-02-01')
    const end = toEpochMs('2024-08-01')
    for (const e of simulate({ customers: 100, seed: 9, start: '2024-02-01', end: '2024-08-01' })) {
      expect(toEpochMs(e.occurredAt)).toBeGreaterThanOrEqual(start)
      expect(toEpochMs(e.occurredAt)).toBeLessThan(end)
    }
  })

  it('is lazy: taking the first events does not simulate the rest', () => {
    const iterator = simulate({ customers: 300_000, seed: 1 })[Symbol.iterator]()
    const first = iterator.next()
    expect(first.done).toBe(false)
    iterator.return?.()
  })

  it('tells onChurn about each churner once, before the stream passes the moment they churned', () => {
    const told: CustomerTruth[] = []
    let latest = -Infinity
    const simulation = simulate({
      customers: 300,
      seed: 21,
      onChurn: (truth) => {
        expect(truth.churnedAt).toBeDefined()
        expect(toEpochMs(truth.churnedAt ?? '')).toBeGreaterThanOrEqual(latest)
        told.push(truth)
      },
    })
    for (const e of simulation) latest = toEpochMs(e.occurredAt)
    const churned = simulation.truth().filter((t) => t.churned)
    expect(told.length).toBe(churned.length)
    expect(told.length).toBeGreaterThan(10)
    const final = new Map(churned.map((t) => [t.customerId, t]))
    for (const t of told)
      expect({ ...t, forgottenAt: undefined }).toEqual({ ...final.get(t.customerId), forgottenAt: undefined })
  })
})
