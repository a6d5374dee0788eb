import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import type { EventStore, JourneyEvent, RecordedEvent } from '@journeykit/core'
import { interleavedJourneysArb } from '@journeykit/testing'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MemoryEventStore } from '../src/index.js'
import {
  NdjsonLineError,
  exportNdjson,
  importNdjson,
  NDJSON_SOURCE_BATCH_SIZE,
  memoryEventStore,
  ndjsonSource,
  parseNdjsonLine,
  readNdjson,
  toNdjsonLine,
} from '../src/index.js'

let dir = ''
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'journeykit-ndjson-'))
})
afterAll(async () => rm(dir, { recursive: true, force: true }))

const storeOf = async (events: readonly JourneyEvent[]): Promise<MemoryEventStore> => {
  const store = memoryEventStore()
  for (const e of events) await store.appendToStream(e.streamId, [e])
  return store
}

const exported = async (store: EventStore): Promise<string> => {
  const chunks: string[] = []
  const sink = new (await import('node:stream')).Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'))
      done()
    },
  })
  await exportNdjson(store, sink)
  return chunks.join('')
}

const readAllOf = async (
  from: string | NodeJS.ReadableStream,
  file = 'test.ndjson',
): Promise<RecordedEvent[]> => {
  const events: RecordedEvent[] = []
  for await (const batch of readNdjson(from, { file, batchSize: 3 })) events.push(...batch)
  return events
}

const sample = async (): Promise<{ store: MemoryEventStore; text: string; lines: string[] }> => {
  const portfolio = fc
    .sample(interleavedJourneysArb({ minCustomers: 3, maxCustomers: 3, journey: { maxSteps: 30 } }), {
      seed: 7,
      numRuns: 50,
    })
    .find((p) => p.events.length >= 12 && p.events.some((e) => e.type === 'OrderPlaced'))
  const store = await storeOf(portfolio?.events ?? fail())
  const text = await exported(store)
  return { store, text, lines: text.trimEnd().split('\n') }
}

const failureOf = async (from: NodeJS.ReadableStream): Promise<NdjsonLineError> => {
  try {
    await readAllOf(from)
  } catch (e) {
    if (e instanceof NdjsonLineError) return e
    throw e
  }
  throw new Error('expected the read to fail')
}

/** The error of reading `text`, the same whether it comes as text or as bytes (without a final line end too). */
const failure = async (text: string): Promise<NdjsonLineError> => {
  const error = await failureOf(Readable.from([text]))
  const fromBytes = await failureOf(Readable.from([Buffer.from(text, 'utf8')]))
  expect([fromBytes.line, fromBytes.path, fromBytes.reason]).toEqual([error.line, error.path, error.reason])
  return error
}

describe('NDJSON export and import', () => {
  it('round-trips any interleaved history byte for byte, positions and revisions preserved', async () => {
    await fc.assert(
      fc.asyncProperty(interleavedJourneysArb({ maxCustomers: 4 }), async ({ events }) => {
        const source = await storeOf(events)
        const text = await exported(source)
        const copy = memoryEventStore()
        const report = await importNdjson(copy, Readable.from([text]))
        expect(report).toEqual({ imported: events.length, skipped: 0, skippedLines: [] })
        expect(await exported(copy)).toBe(text)
        expect(copy.lastPosition()).toBe(source.lastPosition())
      }),
      { numRuns: 25 },
    )
  })

  it('writes one envelope per line with bigint position and revision as decimal strings', async () => {
    const { store, lines } = await sample()
    const first: unknown = JSON.parse(lines[0] ?? '')
    expect(first).toMatchObject({ position: '128', revision: '0' })
    expect(lines).toHaveLength(store.size())
    const [event] = await readAllOf(Readable.from([lines[0] + '\n']))
    expect(event?.position).toBe(128n)
    expect(toNdjsonLine(event ?? fail())).toBe(lines[0])
  })

  it('reads a file split into chunks anywhere, with CRLF and blank lines', async () => {
    const { text } = await sample()
    const crlf = text.replaceAll('\n', '\r\n\n')
    const chunks = crlf.match(/[\s\S]{1,37}/g) ?? []
    expect(await readAllOf(Readable.from(chunks))).toEqual(await readAllOf(Readable.from([text])))
  })

  it('reads a byte stream cut anywhere, with CRLF (even cut between CR and LF) and blank lines', async () => {
    const { text } = await sample()
    const bytes = Buffer.from(text.replaceAll('\n', '\r\n\n'), 'utf8')
    const expected = await readAllOf(Readable.from([text]))
    for (const size of [1, 2, 37, 4096]) {
      const chunks: Buffer[] = []
      for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size))
      expect(await readAllOf(Readable.from(chunks))).toEqual(expected)
    }
  })

  it('ndjsonSource reads in batches bigger than readNdjson by default, or of the size asked', async () => {
    const portfolio = fc.sample(
      interleavedJourneysArb({
        minCustomers: 120,
        maxCustomers: 120,
        journey: { minSteps: 60, maxSteps: 60 },
      }),
      { seed: 3, numRuns: 1 },
    )[0]
    const store = await storeOf(portfolio?.events ?? fail())
    expect(store.size()).toBeGreaterThan(4096)
    expect(store.size()).toBeLessThanOrEqual(NDJSON_SOURCE_BATCH_SIZE)
    const file = join(dir, 'batches.ndjson')
    await exportNdjson(store, file)
    const sizes = async (batches: AsyncIterable<readonly RecordedEvent[]>) => {
      const found: number[] = []
      for await (const batch of batches) found.push(batch.length)
      return found
    }
    expect(await sizes(ndjsonSource(file)())).toEqual([store.size()])
    expect((await sizes(readNdjson(file)))[0]).toBe(4096)
    const small = await sizes(ndjsonSource(file, { batchSize: 1000 })())
    expect(small.slice(0, -1).every((n) => n === 1000)).toBe(true)
    expect(small.reduce((a, b) => a + b, 0)).toBe(store.size())
  })

  it('decodes a character whose UTF-8 bytes straddle two chunks whole', async () => {
    const { text } = await sample()
    const named = text.replace(/"name":"[^"]*"/, '"name":"Zoë Müller-Łukasiewicz 東京"')
    expect(named).not.toBe(text)
    const bytes = Buffer.from(named, 'utf8')
    const whole = await readAllOf(Readable.from([named]))
    expect(whole.map((e) => JSON.stringify(e.data)).join()).toContain('Zoë Müller-Łukasiewicz 東京')
    // two chunks, cut at every byte of the name: many cuts land inside a multi-byte character
    const from = bytes.indexOf('Zoë')
    for (let cut = from; cut < from + 40; cut++)
      expect(await readAllOf(Readable.from([bytes.subarray(0, cut), bytes.subarray(cut)]))).toEqual(whole)
  })

  it('continues appends after the imported history, past its highest position', async () => {
    const { text, lines } = await sample()
    const copy = memoryEventStore()
    await importNdjson(copy, Readable.from([text]))
    const last: unknown = JSON.parse(lines[lines.length - 1] ?? '')
    const events = await readAllOf(Readable.from([text]))
    const extra = { ...(events[0] ?? fail()), id: '01890a5d-ac96-774b-bcce-b302099a8057' }
    const { position, revision: _r, ...fresh } = extra
    const appended = await copy.appendToStream(fresh.streamId, [fresh])
    expect(appended.position).toBeGreaterThan(BigInt(String(Reflect.get(Object(last), 'position'))))
    expect(appended.position).toBeGreaterThan(position)
  })

  it('exports to a path through a temporary file, and leaves nothing when the read fails', async () => {
    const { store, text } = await sample()
    const path = join(dir, 'events.ndjson')
    const report = await exportNdjson(store, path)
    expect(await readFile(path, 'utf8')).toBe(text)
    expect(report.events).toBe(store.size())
    const broken: EventStore = {
      ...store,
      readAll: async function* () {
        yield []
        throw new Error('connection lost')
      },
    }
    const other = join(dir, 'broken.ndjson')
    await expect(exportNdjson(broken, other)).rejects.toThrow('connection lost')
    expect(existsSync(other)).toBe(false)
  })
})

describe('a bad line', () => {
  it('reads position and revision exactly from decimal strings, and names what is wrong with others', async () => {
    const { lines } = await sample()
    const line = lines[0] ?? fail()
    const at = (position: unknown) =>
      line.replace(/"position":"\d+"/, `"position":${JSON.stringify(position)}`)
    for (const p of [
      '0',
      '128',
      '999999999999999',
      '9007199254740993',
      '123456789012345678901234567890123456789',
    ])
      expect(parseNdjsonLine(at(p), 'f', 1).position).toBe(BigInt(p))
    for (const p of ['007', '', '1e3', '-1', '12a', ' 1', '1234567890123456789012345678901234567890', 128]) {
      const error = (() => {
        try {
          parseNdjsonLine(at(p), 'f', 1)
        } catch (e) {
          return e
        }
      })()
      expect(error).toBeInstanceOf(NdjsonLineError)
      expect(error).toMatchObject({ path: 'position', reason: expect.stringMatching(/decimal string/) })
    }
  })

  it('names the line, the field and the reason for invalid data', async () => {
    const { lines } = await sample()
    const order = lines.findIndex((l) => l.includes('"type":"OrderPlaced"'))
    const bad = [...lines]
    bad[order] = (lines[order] ?? '').replace(/"amount":\d+/, '"amount":-5')
    const error = await failure(bad.join('\n'))
    expect(error).toMatchObject({ file: 'test.ndjson', line: order + 1, path: 'data.amount' })
    expect(error.message).toMatch(new RegExp(`^test\\.ndjson line ${order + 1}: data\\.amount `))
  })

  it.each([
    ['not JSON', (l: string) => l.slice(0, 20), '(root)', /is not valid JSON/],
    ['no position', (l: string) => l.replace(/,"position":"\d+"/, ''), 'position', /is required/],
    [
      'a numeric position',
      (l: string) => l.replace(/"position":"(\d+)"/, '"position":$1'),
      'position',
      /decimal/,
    ],
    ['an unknown type', (l: string) => l.replace(/"type":"\w+"/, '"type":"Nope"'), 'type', /./],
  ])('fails on %s', async (_, corrupt, path, reason) => {
    const { lines } = await sample()
    const error = await failure([lines[0], corrupt(lines[1] ?? ''), lines[2]].join('\n'))
    expect(error.line).toBe(2)
    expect(error.path).toBe(path)
    expect(error.reason).toMatch(reason)
  })

  it('fails on positions that do not increase and on revision gaps', async () => {
    const { lines } = await sample()
    const back = (lines[1] ?? '').replace(/"position":"\d+"/, '"position":"100"')
    expect(await failure([lines[0], back].join('\n'))).toMatchObject({ line: 2, path: 'position' })
    const second = lines.findIndex(
      (l, i) => i > 0 && l.includes(`"streamId":"${String(JSON.parse(lines[0] ?? '{}').streamId)}"`),
    )
    const gap = lines.filter((_, i) => i !== 0).slice(0, second)
    expect(await failure(gap.join('\n'))).toMatchObject({ path: 'revision' })
  })

  it('appends nothing on import; skipInvalid imports the rest and says what it skipped', async () => {
    const { lines } = await sample()
    const bad = [...lines]
    const last = lines.length
    bad[last - 1] = '{"oops"'
    const path = join(dir, 'bad.ndjson')
    await writeFile(path, bad.join('\n') + '\n')
    const store = memoryEventStore()
    await expect(importNdjson(store, path)).rejects.toThrow(`${path} line ${last}: (root) is not valid JSON`)
    expect(store.size()).toBe(0)
    const skipping = memoryEventStore()
    const report = await importNdjson(skipping, path, { skipInvalid: true })
    expect(report).toMatchObject({ imported: lines.length - 1, skipped: 1 })
    expect(report.skippedLines).toEqual([
      { line: last, path: '(root)', reason: expect.stringMatching(/not valid JSON/) },
    ])
    expect(skipping.size()).toBe(lines.length - 1)
  })

  it('leaves a non-empty store unchanged when the history does not continue it', async () => {
    const { store, text } = await sample()
    const before = await exported(store)
    await expect(importNdjson(store, Readable.from([text]))).rejects.toThrow(/is not after/)
    expect(await exported(store)).toBe(before)
  })
})

function fail(): never {
  throw new Error('missing sample event')
}
