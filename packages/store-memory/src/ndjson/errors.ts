/** A line of an NDJSON history that is not a valid recorded event: where, which field, and why. */
export class NdjsonLineError extends Error {
  readonly _tag = 'NdjsonLineError'
  constructor(
    /** The file (or the name given for a stream). */
    readonly file: string,
    /** 1-based line number. */
    readonly line: number,
    /** The field path, such as `data.amount`, `position` or `(root)`. */
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${file} line ${line}: ${path} ${reason}`)
    this.name = 'NdjsonLineError'
  }
}

/** A line skipped under `skipInvalid`, with why. */
export interface NdjsonSkippedLine {
  readonly line: number
  readonly path: string
  readonly reason: string
}
