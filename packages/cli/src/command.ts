import type { Parsed } from './args.js'
import type { Io } from './io.js'

/** One CLI command: its flags, its usage text (with an example), and what it does. */
export interface Command {
  readonly name: string
  readonly summary: string
  readonly usage: string
  readonly flags: Readonly<Record<string, { readonly type: 'string' | 'boolean'; readonly short?: string }>>
  /** Resolves to the exit code (0 on success); throws CliError for bad input. */
  readonly run: (parsed: Parsed, io: Io) => Promise<number>
}
