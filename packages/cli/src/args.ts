import { parseArgs } from 'node:util'
import { usageError } from './cli-error.js'

export type FlagSpec = Readonly<
  Record<string, { readonly type: 'string' | 'boolean'; readonly short?: string }>
>

export interface Parsed {
  readonly flags: Readonly<Record<string, string | boolean | undefined>>
  readonly positionals: readonly string[]
}

/** Strict parsing: an unknown flag or a missing value is a usage error (exit 2) that names the flag. */
export const parse = (args: readonly string[], spec: FlagSpec, usage: string): Parsed => {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: { ...spec, help: { type: 'boolean', short: 'h' }, debug: { type: 'boolean' } },
      strict: true,
      allowPositionals: true,
    })
    return { flags: values, positionals }
  } catch (e) {
    // Node's parseArgs adds advice on positionals starting with '-' after the first sentence: keep the sentence.
    const message = e instanceof Error ? e.message.split('\n')[0]?.replace(/\. .*$/, '.') : String(e)
    throw usageError(message ?? 'invalid arguments', usage)
  }
}

export const stringFlag = (parsed: Parsed, name: string): string | undefined => {
  const v = parsed.flags[name]
  return typeof v === 'string' ? v : undefined
}

export const booleanFlag = (parsed: Parsed, name: string): boolean => parsed.flags[name] === true

/** A positive integer flag, or the default; anything else is a usage error naming the flag. */
export const intFlag = (parsed: Parsed, name: string, fallback: number, usage: string): number => {
  const raw = stringFlag(parsed, name)
  if (raw === undefined) return fallback
  const n = Number(raw)
  if (!Number.isSafeInteger(n) || n < 1)
    throw usageError(`--${name} must be a positive integer, got ${JSON.stringify(raw)}`, usage)
  return n
}

/** One of `choices`, or the default. */
export const choiceFlag = <const C extends readonly string[]>(
  parsed: Parsed,
  name: string,
  choices: C,
  fallback: C[number],
  usage: string,
): C[number] => {
  const raw = stringFlag(parsed, name)
  if (raw === undefined) return fallback
  const found = choices.find((c) => c === raw)
  if (found === undefined)
    throw usageError(`--${name} must be one of ${choices.join(', ')}, got ${JSON.stringify(raw)}`, usage)
  return found
}
