/** A failure the CLI reports in one sentence and exit code; never a stack trace (unless --debug). */
export class CliError extends Error {
  readonly _tag = 'CliError'
  constructor(
    message: string,
    /** 1: bad data or a missing file; 2: bad usage (unknown command or flag). */
    readonly exitCode: 1 | 2,
    /** Usage text printed after the message for usage errors. */
    readonly usage?: string,
  ) {
    super(message)
    this.name = 'CliError'
  }
}

export const usageError = (message: string, usage: string): CliError => new CliError(message, 2, usage)
export const dataError = (message: string): CliError => new CliError(message, 1)
