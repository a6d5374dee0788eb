import { InvalidAsOf } from '@journeykit/customer-360'
import { ImportFileError, ImportRowError } from '@journeykit/importers'
import { NdjsonLineError } from '@journeykit/store-memory'
import { parse } from './args.js'
import { CliError, usageError } from './cli-error.js'
import type { Command } from './command.js'
import { churn } from './commands/churn.js'
import { demo } from './commands/demo.js'
import { importHistory } from './commands/import.js'
import { kpis } from './commands/kpis.js'
import { replay } from './commands/replay.js'
import { simulate } from './commands/simulate.js'
import { view } from './commands/view.js'
import type { Io } from './io.js'
import { println } from './io.js'

export const commands: readonly Command[] = [demo, simulate, importHistory, replay, churn, view, kpis]

export const usage = `Usage: journeykit <command> [options]   (journeykit <command> --help for its options)

Commands:
${commands.map((c) => `  ${c.name.padEnd(10)}${c.summary}`).join('\n')}

Options on every command: --help, --debug (show the stack trace of an error)

Example:
  journeykit demo`

/** A failure from bad data, as one sentence (file, line, field, reason where they apply); else undefined. */
const dataMessage = (e: unknown): string | undefined => {
  if (e instanceof NdjsonLineError || e instanceof ImportRowError || e instanceof ImportFileError)
    return e.message.endsWith('.') ? e.message : `${e.message}.`
  if (e instanceof InvalidAsOf) return e.message
  if (
    e instanceof Error &&
    'code' in e &&
    (e.code === 'ENOENT' || e.code === 'EACCES' || e.code === 'EISDIR')
  )
    return e.message
  return undefined
}

/** Runs the CLI: resolves to the exit code (0 ok, 1 bad data or a failure, 2 bad usage). */
export const main = async (argv: readonly string[], io: Io): Promise<number> => {
  const debug = argv.includes('--debug')
  const [name, ...args] = argv
  try {
    if (name === undefined) throw usageError('a command is required', usage)
    if (name === '--help' || name === '-h' || name === 'help') {
      println(io.stdout, usage)
      return 0
    }
    const command = commands.find((c) => c.name === name)
    if (command === undefined) throw usageError(`unknown command ${JSON.stringify(name)}`, usage)
    const parsed = parse(args, command.flags, command.usage)
    if (parsed.flags['help'] === true) {
      println(io.stdout, command.usage)
      return 0
    }
    return await command.run(parsed, io)
  } catch (e) {
    if (debug && e instanceof Error) println(io.stderr, e.stack ?? e.message)
    if (e instanceof CliError) {
      println(io.stderr, `journeykit: ${e.message}`)
      if (e.usage !== undefined) println(io.stderr, `\n${e.usage}`)
      return e.exitCode
    }
    const message = dataMessage(e)
    if (message !== undefined) {
      println(io.stderr, `journeykit: ${message}`)
      return 1
    }
    println(
      io.stderr,
      `journeykit: ${e instanceof Error ? e.message : String(e)} (run with --debug for details)`,
    )
    return 1
  }
}
