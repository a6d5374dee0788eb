/**
 * Errors of an import. A malformed row names its file, its line (1-based, the line where the record starts)
 * and the reason; a file that cannot be read names the file and the cause.
 */

/** A row that cannot be imported: which file, which line, why. */
export class ImportRowError extends Error {
  readonly _tag = 'ImportRowError'
  readonly file: string
  readonly line: number
  readonly reason: string

  constructor(file: string, line: number, reason: string) {
    super(`${file}:${line}: ${reason}`)
    this.name = 'ImportRowError'
    this.file = file
    this.line = line
    this.reason = reason
  }
}

/** A file that cannot be read at all (missing, unreadable, wrong header). */
export class ImportFileError extends Error {
  readonly _tag = 'ImportFileError'
  readonly file: string
  readonly reason: string

  constructor(file: string, reason: string) {
    super(`${file}: ${reason}`)
    this.name = 'ImportFileError'
    this.file = file
    this.reason = reason
  }
}

export type ImportError = ImportRowError | ImportFileError

/** A row left out under `skipInvalid`. */
export interface SkippedRow {
  readonly file: string
  readonly line: number
  readonly reason: string
}
