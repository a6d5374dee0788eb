import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CsvRecord } from '../src/index.js'
import { parseCsv } from '../src/index.js'
import { textLines } from '../src/source.js'

async function* chunksOf(text: string, sizes: readonly number[] = [text.length]): AsyncGenerator<string> {
  let at = 0
  for (let i = 0; at < text.length; i++) {
    const size = Math.max(1, sizes[i % sizes.length] ?? 1)
    yield text.slice(at, at + size)
    at += size
  }
}

const parse = async (text: string, sizes?: readonly number[]): Promise<CsvRecord[]> => {
  const records: CsvRecord[] = []
  for await (const r of parseCsv(chunksOf(text, sizes))) records.push(r)
  return records
}

const serialize = (rows: readonly (readonly string[])[], eol: string): string =>
  rows
    .map((fields) =>
      fields.map((f) => (/[",\r\n]/.test(f) || f === '' ? `"${f.replaceAll('"', '""')}"` : f)).join(','),
    )
    .join(eol) + eol

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and numbers records by their first line', async () => {
    const text = 'a,b,c\r\n1,"x, ""y""",z\r\n2,"line one\r\nline two",\n3,,"last"'
    expect(await parse(text)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'x, "y"', 'z'] },
      { line: 3, fields: ['2', 'line one\r\nline two', ''] },
      { line: 5, fields: ['3', '', 'last'] },
    ])
  })

  it('skips blank lines and accepts \\r line breaks', async () => {
    expect(await parse('a,b\n\n1,2\r3,4\n\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 3, fields: ['1', '2'] },
      { line: 4, fields: ['3', '4'] },
    ])
  })

  it('reports malformed records with their line and resumes on the next line', async () => {
    const records = await parse('a,b\n1,x"y\n2,"ok"junk\n3,4\n5,"never closed\n6,7\n')
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, error: 'a double quote inside an unquoted field (column 2)' },
      { line: 3, error: 'text after the closing quote of column 2' },
      { line: 4, fields: ['3', '4'] },
      { line: 5, error: 'a quoted field (column 2) is never closed' },
    ])
  })

  it('reads back whatever was written, however the text is cut into chunks', async () => {
    const field = fc.string({
      unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', '\r', 'é', '€'),
      maxLength: 8,
    })
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(field, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 5 }),
        async (rows, eol, sizes) => {
          const records = await parse(serialize(rows, eol), sizes)
          expect(records.map((r) => r.fields)).toEqual(rows)
        },
      ),
    )
  })
})

describe('textLines', () => {
  it('splits text cut anywhere into its lines, whatever the line breaks, numbering them from 1', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: fc.constantFrom('a', ' ', '1', '.'), maxLength: 6 }), { maxLength: 8 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }),
        async (lines, eol, sizes) => {
          const read: { line: number; text: string }[] = []
          for await (const l of textLines(chunksOf(lines.map((l) => l + eol).join(''), sizes))) read.push(l)
          expect(read).toEqual(lines.map((text, i) => ({ line: i + 1, text })))
        },
      ),
    )
  })
})
