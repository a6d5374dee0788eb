import { createReadStream } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { CsvRecord } from './csv.js'
import { parseCsv } from './csv.js'
import { ImportFileError } from './errors.js'

/** A file to import: a path or a file: URL. */
export type FileLocation = string | URL

export const pathOf = (location: FileLocation): string =>
  typeof location === 'string' ? location : fileURLToPath(location)

const describeCause = (cause: unknown): string => {
  const code: unknown = typeof cause === 'object' && cause !== null ? Reflect.get(cause, 'code') : undefined
  if (code === 'ENOENT') return 'the file does not exist'
  if (code === 'EISDIR') return 'is a directory, not a file'
  if (code === 'EACCES') return 'the file cannot be read (permission denied)'
  return `the file cannot be read (${cause instanceof Error ? cause.message : String(cause)})`
}

/**
 * The text of a UTF-8 file, chunk by chunk (64 KiB by default), without a leading byte-order mark. A file
 * that cannot be read fails with an ImportFileError.
 */
export async function* textChunks(file: string, chunkBytes = 64 * 1024): AsyncGenerator<string> {
  let first = true
  try {
    for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: chunkBytes })) {
      const text = String(chunk)
      yield first && text.startsWith('\uFEFF') ? text.slice(1) : text
      first = false
    }
  } catch (cause) {
    throw new ImportFileError(file, describeCause(cause))
  }
}

/** The lines of a text file with their 1-based numbers (line breaks `\n`, `\r\n` or `\r`), one at a time. */
export async function* textLines(
  chunks: AsyncIterable<string>,
): AsyncGenerator<{ line: number; text: string }> {
  let pending = ''
  let line = 0
  for await (const chunk of chunks) {
    const parts = (pending + chunk).split(/\r\n|\r|\n/)
    // a chunk ending in \r may be the first half of \r\n: keep it with the unfinished last line
    pending = parts.pop() ?? ''
    if (chunk.endsWith('\r') && parts.length > 0) pending = `${parts.pop() ?? ''}\r${pending}`
    for (const text of parts) yield { line: ++line, text }
  }
  // a pending "X\r" is a finished line X; anything else pending is a last line without a break
  if (pending.endsWith('\r')) yield { line: line + 1, text: pending.slice(0, -1) }
  else if (pending.length > 0) yield { line: line + 1, text: pending }
}

/** A CSV row: its line, and its fields by column name. */
export interface CsvRow {
  readonly line: number
  readonly get: (column: string) => string
}

/** A CSV table's data rows (after the header), or a malformed row with its line and reason. */
export type TableRecord =
  | { readonly line: number; readonly row: CsvRow; readonly error?: undefined }
  | { readonly line: number; readonly error: string; readonly row?: undefined }

/**
 * The data rows of a CSV file whose header names at least `columns` (in any order; other columns are
 * ignored). A missing header or column fails the whole file; a row with the wrong number of fields is a
 * malformed row.
 */
export async function* readCsvTable(
  file: string,
  columns: readonly string[],
  records: AsyncIterable<CsvRecord> = parseCsv(textChunks(file)),
): AsyncGenerator<TableRecord> {
  let index: Map<string, number> | undefined
  let width = 0
  for await (const record of records) {
    if (index === undefined) {
      if (record.error !== undefined)
        throw new ImportFileError(file, `the header is malformed: ${record.error}`)
      index = new Map(record.fields.map((name, i) => [name.trim(), i]))
      width = record.fields.length
      const missing = columns.filter((c) => !index?.has(c))
      if (missing.length > 0)
        throw new ImportFileError(file, `the header lacks the column(s) ${missing.join(', ')}`)
      continue
    }
    if (record.error !== undefined) {
      yield { line: record.line, error: `malformed CSV: ${record.error}` }
      continue
    }
    const fields = record.fields
    if (fields.length !== width) {
      yield { line: record.line, error: `expected ${width} fields as in the header, got ${fields.length}` }
      continue
    }
    const at = index
    yield {
      line: record.line,
      row: { line: record.line, get: (column) => fields[at.get(column) ?? -1] ?? '' },
    }
  }
  if (index === undefined) throw new ImportFileError(file, 'the file is empty (no header line)')
}
