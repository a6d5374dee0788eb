import { decode, decodeJson, encode, eventTypes, recordedEvent } from '@journeykit/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { prop } from './support/prop.js'
import { anyEventArb, eventOfTypeArb, journeyArb } from '../src/index.js'

describe('codec round-trip', () => {
  it.each(eventTypes)('%s: arbitrary → JSON.stringify → decode gives the same event', (type) => {
    fc.assert(
      fc.property(eventOfTypeArb(type), (event) => {
        const decoded = decode(JSON.parse(JSON.stringify(encode(event))))
        expect(decoded).toEqual({ _tag: 'Right', right: event })
      }),
      { numRuns: 15 },
    )
  })

  prop([anyEventArb()], { numRuns: 60 })('decodeJson reads back any event written as one line', (event) => {
    expect(decodeJson(JSON.stringify(event))).toEqual({ _tag: 'Right', right: event })
  })

  prop([journeyArb()], { numRuns: 40 })('every event of a generated journey round-trips', (journey) => {
    for (const event of journey.events)
      expect(decodeJson(JSON.stringify(event))).toEqual({ _tag: 'Right', right: event })
  })

  prop(
    [anyEventArb(), fc.bigInt({ min: 0n, max: (1n << 63n) - 1n }), fc.bigInt({ min: 0n, max: 1n << 40n })],
    {
      numRuns: 100,
    },
  )(
    'recordedEvent gives what a spread with position and revision gives, key for key; decode adds no key',
    (event, position, revision) => {
      const recorded = recordedEvent(event, position, revision)
      expect(recorded).toStrictEqual({ ...event, position, revision })
      expect(Object.keys(recorded).sort()).toEqual(Object.keys({ ...event, position, revision }).sort())
      const decoded = decode(JSON.parse(JSON.stringify(event)))
      if (decoded._tag === 'Left') throw new Error(decoded.left.message)
      expect(Object.keys(decoded.right).sort()).toEqual(Object.keys(event).sort())
    },
  )
})
