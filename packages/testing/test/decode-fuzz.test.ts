import { decode, decodeJson } from '@journeykit/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { prop } from './support/prop.js'
import type { InvalidPayload } from '../src/index.js'
import { invalidPayloadArb, invalidPayloadKinds } from '../src/index.js'

const expectNamedRejection = (input: InvalidPayload) => {
  for (const result of [decode(input.payload), decodeJson(JSON.stringify(input.payload))]) {
    expect(result._tag).toBe('Left')
    if (result._tag !== 'Left') return
    const error = result.left
    expect(error._tag).toBe('DecodeError')
    expect(error.path.length).toBeGreaterThan(0)
    expect(error.reason.length).toBeGreaterThan(0)
    expect(error.message).toContain(` ${error.path} `)
    if (input.path !== undefined) expect(error.path).toBe(input.path)
  }
}

describe('fuzzed invalid payloads', () => {
  prop([invalidPayloadArb()], { numRuns: 200 })(
    'always give a Left naming the field path, and never throw',
    expectNamedRejection,
  )

  it.each(invalidPayloadKinds)('%s: the Left names exactly the broken field', (kind) => {
    fc.assert(fc.property(invalidPayloadArb({ kinds: [kind] }), expectNamedRejection), { numRuns: 15 })
  })

  it('the size limit is configurable, and only the size made the padded payload invalid', () => {
    fc.assert(
      fc.property(invalidPayloadArb({ kinds: ['oversize'], maxBytes: 2048 }), (input) => {
        const result = decode(input.payload, { maxBytes: 2048 })
        expect(result).toMatchObject({ _tag: 'Left', left: { path: '(root)' } })
        expect(decode(input.payload)._tag).toBe('Right')
      }),
      { numRuns: 10 },
    )
  })

  prop([fc.anything({ withBigInt: true, withMap: true, withSet: true, withNullPrototype: true })], {
    numRuns: 200,
  })('decode never throws, whatever it is given', (input) => {
    const result = decode(input)
    expect(result._tag).toBe('Left')
  })

  prop([fc.string()], { numRuns: 200 })('decodeJson never throws on any text', (text) => {
    expect(decodeJson(text)._tag).toBe('Left')
  })
})
