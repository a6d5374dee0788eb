import { toEpochMs } from '@journeykit/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { businessTimeMs } from '../src/index.js'

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

const businessTimeArb = fc.oneof(
  fc
    .date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2100-12-31T23:59:59Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10)),
  fc
    .tuple(
      fc.date({
        min: new Date('1900-01-01T00:00:00Z'),
        max: new Date('2100-12-31T23:59:59Z'),
        noInvalidDate: true,
      }),
      fc.constantFrom('none', 'seconds', 'fraction'),
      fc.integer({ min: 1, max: 9 }),
      fc.integer({ min: 0, max: 999_999_999 }),
      fc.oneof(
        fc.constant('Z'),
        fc
          .tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 14 }), fc.constantFrom(0, 30, 45))
          .map(([s, h, m]) => `${s}${pad(h)}:${pad(m)}`),
      ),
    )
    .map(([d, precision, digits, fraction, zone]) => {
      const base = d.toISOString().slice(0, 16)
      const seconds = precision === 'none' ? '' : `:${pad(d.getUTCSeconds())}`
      const frac = precision === 'fraction' ? `.${pad(fraction, 9).slice(0, digits)}` : ''
      return `${base}${seconds}${frac}${zone}`
    }),
)

describe('businessTimeMs', () => {
  it('agrees with core’s toEpochMs on every shape of business time', () => {
    fc.assert(
      fc.property(businessTimeArb, (s) => {
        expect(businessTimeMs(s)).toBe(toEpochMs(s))
      }),
      { numRuns: 2000 },
    )
  })

  it('falls back to toEpochMs on anything else', () => {
    for (const s of [
      '2024-13-45',
      '2024-02-30',
      '2024-01-01T24:00Z',
      'not a time',
      '2024-05-01T10:00:00',
      '2024-05-01 10:00:00Z',
    ])
      expect(businessTimeMs(s)).toEqual(toEpochMs(s))
  })
})
