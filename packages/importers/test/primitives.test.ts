import { isInstant } from '@journeykit/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cdLines, deterministicUuidV7, minorUnitsOf, readLocalTime, readMidnightDate } from '../src/index.js'

const SP = 'America/Sao_Paulo'
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('minorUnitsOf', () => {
  it('reads decimal amounts exactly, digit by digit', () => {
    expect(minorUnitsOf('11.77')).toBe(1177)
    expect(minorUnitsOf('99.9')).toBe(9990)
    expect(minorUnitsOf('0.00')).toBe(0)
    expect(minorUnitsOf('1286.01')).toBe(128601)
    expect(minorUnitsOf('0.29')).toBe(29) // 0.29 * 100 is 28.999999999999996 in floating point
    expect(minorUnitsOf('12')).toBe(1200)
  })

  it('gives a reason for what is not a non-negative amount with at most two decimals', () => {
    for (const bad of ['', '-1.00', '1.234', '1,00', 'abc', '1.', '.5', ' 1.00'])
      expect(minorUnitsOf(bad)).toEqual(expect.any(String))
  })

  it('round-trips every cent amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (cents) => {
        const text = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`
        expect(minorUnitsOf(text)).toBe(cents)
      }),
    )
  })
})

describe('cdLines', () => {
  it('spreads a purchase over its CDs in whole cents that sum exactly to its value', () => {
    expect(cdLines(2, 1177)).toEqual([
      { sku: 'cd', quantity: 1, unitPrice: 589 },
      { sku: 'cd', quantity: 1, unitPrice: 588 },
    ])
    expect(cdLines(5, 7700)).toEqual([{ sku: 'cd', quantity: 5, unitPrice: 1540 }])
    expect(cdLines(3, 0)).toEqual([{ sku: 'cd', quantity: 3, unitPrice: 0 }])
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        (cds, cents) => {
          const lines = cdLines(cds, cents)
          expect(lines.reduce((s, l) => s + l.quantity * l.unitPrice, 0)).toBe(cents)
          expect(lines.reduce((s, l) => s + l.quantity, 0)).toBe(cds)
          expect(lines.every((l) => l.quantity > 0 && Number.isInteger(l.unitPrice))).toBe(true)
        },
      ),
    )
  })
})

describe('deterministicUuidV7', () => {
  it('is a UUID v7 carrying the time, the same for the same key and time, different for different keys', () => {
    const at = Date.parse('1997-01-01T00:00:00Z')
    const id = deterministicUuidV7('cdnow|00001|OrderPlaced|00001-19970101-1', at)
    expect(id).toMatch(UUID_V7)
    expect(parseInt(id.replaceAll('-', '').slice(0, 12), 16)).toBe(at)
    expect(deterministicUuidV7('cdnow|00001|OrderPlaced|00001-19970101-1', at)).toBe(id)
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.integer({ min: 0, max: 2 ** 47 }), (a, b, ms) => {
        fc.pre(a !== b)
        expect(deterministicUuidV7(a, ms)).toMatch(UUID_V7)
        expect(deterministicUuidV7(a, ms)).not.toBe(deterministicUuidV7(b, ms))
      }),
    )
  })
})

describe('readLocalTime in America/Sao_Paulo', () => {
  it('uses -03:00 in standard time and -02:00 under the daylight saving time Brazil had until 2019', () => {
    expect(readLocalTime('2017-07-09 21:57:05', SP)).toEqual({
      ms: Date.parse('2017-07-10T00:57:05Z'),
      iso: '2017-07-09T21:57:05-03:00',
    })
    expect(readLocalTime('2018-01-18 19:12:30', SP)).toEqual({
      ms: Date.parse('2018-01-18T21:12:30Z'),
      iso: '2018-01-18T19:12:30-02:00',
    })
    // 2019 had no daylight saving time any more
    expect(readLocalTime('2019-12-01 12:00:00', SP)).toMatchObject({ iso: '2019-12-01T12:00:00-03:00' })
  })

  it('moves a time skipped when daylight saving time began forward by the gap', () => {
    // on 2017-10-15 the clocks jumped from 00:00 to 01:00
    expect(readLocalTime('2017-10-15 00:30:00', SP)).toEqual({
      ms: Date.parse('2017-10-15T03:30:00Z'),
      iso: '2017-10-15T01:30:00-02:00',
    })
    expect(readLocalTime('2017-10-15 01:00:00', SP)).toMatchObject({ iso: '2017-10-15T01:00:00-02:00' })
  })

  it('reads a time that occurred twice when daylight saving time ended as the first one', () => {
    // on 2018-02-18 at 00:00 the clocks went back to 23:00 of the 17th
    expect(readLocalTime('2018-02-17 23:30:00', SP)).toEqual({
      ms: Date.parse('2018-02-18T01:30:00Z'),
      iso: '2018-02-17T23:30:00-02:00',
    })
  })

  it('gives instants core accepts and rejects impossible times', () => {
    const instant = readLocalTime('2016-10-16 12:00:00', SP)
    expect(typeof instant !== 'string' && isInstant(instant.iso)).toBe(true)
    for (const bad of ['2017-02-30 10:00:00', '2017-07-09 24:00:00', '2017-07-09T21:57', '2017-07-09', ''])
      expect(readLocalTime(bad, SP)).toEqual(expect.any(String))
  })
})

describe('readMidnightDate', () => {
  it('reads a date written as local midnight, or as 01:00 on a day daylight saving time began', () => {
    expect(readMidnightDate('2017-08-01 00:00:00', SP)).toBe('2017-08-01')
    expect(readMidnightDate('2017-10-15 01:00:00', SP)).toBe('2017-10-15')
    expect(readMidnightDate('2017-10-15 00:00:00', SP)).toBe('2017-10-15')
    expect(readMidnightDate('2017-08-01 01:00:00', SP)).toEqual({ reason: expect.stringMatching(/midnight/) })
  })
})
