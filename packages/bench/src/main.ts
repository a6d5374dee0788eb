import type { BenchResult } from './harness.js'
import { benches, selectBenches } from './registry.js'

const usage = 'usage: pnpm bench [--json] [--only NAME] [--quick] [--list]'

const parse = (
  args: readonly string[],
): { json: boolean; only: string | undefined; quick: boolean; list: boolean } => {
  let json = false
  let quick = false
  let list = false
  let only: string | undefined
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '--json') json = true
    else if (a === '--quick') quick = true
    else if (a === '--list') list = true
    else if (a === '--only') only = args[++i]
    else if (a === '--') continue
    else {
      process.stderr.write(`unknown argument ${a}\n${usage}\n`)
      process.exit(2)
    }
  }
  return { json, only, quick, list }
}

const formatNumber = (n: unknown): string =>
  typeof n === 'number'
    ? Number.isInteger(n)
      ? n.toLocaleString('en-US')
      : n.toFixed(3)
    : n === undefined
      ? ''
      : String(n)

const table = (rows: readonly BenchResult[]): string => {
  const columns = [
    'name',
    'events',
    'eventsPerSec',
    'ratio',
    'baseline',
    'bytesPerEvent',
    'peakRssMB',
    'note',
  ]
  const cells = rows.map((r) => columns.map((c) => formatNumber(r[c])))
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i]?.length ?? 0)))
  const line = (values: readonly string[]): string =>
    values
      .map((v, i) => v.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd()
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n')
}

const main = async (): Promise<void> => {
  const { json, only, quick, list } = parse(process.argv.slice(2))
  if (list) {
    for (const b of benches)
      process.stdout.write(
        `${b.name}\t${b.diagnostic === true ? '(diagnostic, --only) ' : ''}${b.description}\n`,
      )
    return
  }
  const selected = selectBenches(only)
  if (selected.length === 0) {
    process.stderr.write(`no benchmark named ${only}; try --list\n`)
    process.exit(2)
  }
  const results: BenchResult[] = []
  for (const bench of selected) {
    process.stderr.write(`# ${bench.name}: ${bench.description}\n`)
    const rows = await bench.run({ quick, log: (l) => process.stderr.write(`  ${l}\n`) })
    for (const row of rows) {
      results.push(row)
      if (json) process.stdout.write(`${JSON.stringify(row)}\n`)
    }
  }
  if (!json) process.stdout.write(`${table(results)}\n`)
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
  process.exit(1)
})
