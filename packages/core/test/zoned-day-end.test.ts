import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { deadlineMs, zonedDayEndMs } from '../src/index.js'

const zones = [
  'Europe/Berlin',
  'America/Sao_Paulo',
  'Asia/Tokyo',
  'Australia/Lord_Howe',
  'America/New_York',
  'Pacific/Apia',
]

describe('zonedDayEndMs', () => {
  it('equals deadlineMs for any calendar date and zone, DST transitions included', () => {
    const date = fc
      .date({
        min: new Date('1990-01-01T00:00:00Z'),
        max: new Date('2040-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10))
    fc.assert(
      fc.property(date, fc.constantFrom(...zones), (day, zone) => {
        expect(zonedDayEndMs(day, zone)).toBe(deadlineMs(day, zone))
      }),
      { numRuns: 300 },
    )
    for (const [day, zone] of [
      ['2024-03-30', 'Europe/Berlin'],
      ['2024-03-31', 'Europe/Berlin'],
      ['2024-10-26', 'Europe/Berlin'],
      ['2011-12-29', 'Pacific/Apia'],
      ['2024-04-06', 'Australia/Lord_Howe'],
    ] as const)
      expect(zonedDayEndMs(day, zone)).toBe(deadlineMs(day, zone))
  })

  it('answers again from its memo exactly as the first time, on every day around a transition', () => {
    const start = Date.parse('2024-03-25T00:00:00Z')
    for (const zone of zones)
      for (let round = 0; round < 2; round++)
        for (let i = 0; i < 14; i++) {
          const day = new Date(start + i * 86_400_000).toISOString().slice(0, 10)
          expect(zonedDayEndMs(day, zone)).toBe(deadlineMs(day, zone))
        }
  })
})
