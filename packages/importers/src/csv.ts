/**
 * A small streaming CSV reader (RFC 4180): comma-separated fields; a field in double quotes may hold commas,
 * line breaks and doubled quotes (`""`). It reads text chunk by chunk and yields one record at a time, so a
 * file is never held in memory at once. Line breaks are `\n`, `\r\n` or `\r`; blank lines are skipped.
 */

/** One record: the line it starts on (1-based) and its fields, or why it is malformed. */
export type CsvRecord =
  | { readonly line: number; readonly fields: readonly string[]; readonly error?: undefined }
  | { readonly line: number; readonly error: string; readonly fields?: undefined }

const COMMA = 44
const QUOTE = 34
const CR = 13
const LF = 10

// Parser states.
const FIELD_START = 0
const UNQUOTED = 1
const QUOTED = 2
const QUOTE_IN_QUOTED = 3
const SKIP_TO_LINE_END = 4

/**
 * Parses CSV text arriving in chunks of any size. A malformed record (a quote inside an unquoted field, text
 * after a closing quote, a quoted field never closed) is yielded as an error and reading resumes on the next
 * line, so the caller decides whether to fail or to skip it.
 */
export async function* parseCsv(chunks: AsyncIterable<string>): AsyncGenerator<CsvRecord> {
  let state: number = FIELD_START
  let field = ''
  let fields: string[] = []
  let started = false
  let line = 1
  let recordLine = 1
  let afterCr = false
  let error = ''
  const out: CsvRecord[] = []

  const endRecord = (): void => {
    if (state === SKIP_TO_LINE_END) out.push({ line: recordLine, error })
    else if (started || fields.length > 0) out.push({ line: recordLine, fields: [...fields, field] })
    fields = []
    field = ''
    started = false
    state = FIELD_START
    line++
    recordLine = line
  }
  const fail = (reason: string): void => {
    error = reason
    state = SKIP_TO_LINE_END
  }

  for await (const chunk of chunks) {
    let segment = 0
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i)
      const lfAfterCr = c === LF && afterCr
      afterCr = c === CR
      if (state === QUOTED) {
        if (c === QUOTE) {
          field += chunk.slice(segment, i)
          state = QUOTE_IN_QUOTED
        } else if (c === CR || (c === LF && !lfAfterCr)) line++
        continue
      }
      if (lfAfterCr) continue // the second half of a CRLF: the CR already ended the record
      const isBreak = c === CR || c === LF
      if (state === SKIP_TO_LINE_END) {
        if (isBreak) endRecord()
        continue
      }
      if (state === UNQUOTED) {
        if (c === QUOTE) fail(`a double quote inside an unquoted field (column ${fields.length + 1})`)
        if (c !== COMMA && !isBreak) continue
        field += chunk.slice(segment, i)
      }
      if (c === COMMA) {
        fields.push(field)
        field = ''
        state = FIELD_START
      } else if (isBreak) endRecord()
      else if (state === QUOTE_IN_QUOTED) {
        if (c !== QUOTE) fail(`text after the closing quote of column ${fields.length + 1}`)
        else {
          field += '"'
          state = QUOTED
          segment = i + 1
        }
      } else {
        started = true
        state = c === QUOTE ? QUOTED : UNQUOTED
        segment = c === QUOTE ? i + 1 : i
      }
    }
    if (state === QUOTED || state === UNQUOTED) field += chunk.slice(segment)
    yield* out
    out.length = 0
  }
  if (state === QUOTED)
    out.push({ line: recordLine, error: `a quoted field (column ${fields.length + 1}) is never closed` })
  else endRecord()
  yield* out
}
