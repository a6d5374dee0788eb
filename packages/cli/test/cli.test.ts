import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../src/index.js'

interface Run {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

const run = async (...argv: string[]): Promise<Run> => {
  let stdout = ''
  let stderr = ''
  const code = await main(argv, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  })
  return { code, stdout, stderr }
}

let dir = ''
let history = ''
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'journeykit-cli-'))
  history = join(dir, 'events.ndjson')
  const result = await run('simulate', '--customers', '40', '--seed', '3', '-o', history)
  expect(result.code).toBe(0)
})
afterAll(async () => rm(dir, { recursive: true, force: true }))

const lines = async (file: string): Promise<string[]> => (await readFile(file, 'utf8')).trimEnd().split('\n')

describe('simulate', () => {
  it('writes the same bytes for the same seed, and says what it wrote', async () => {
    const again = join(dir, 'again.ndjson')
    const result = await run('simulate', '--customers', '40', '--seed', '3', '-o', again)
    expect(await readFile(again, 'utf8')).toBe(await readFile(history, 'utf8'))
    const count = (await lines(again)).length
    expect(result.stdout).toBe(`${again}: ${count} events of 40 customers (seed 3)\n`)
  })
})

describe('replay', () => {
  it('rebuilds both projections with progress on stderr and a summary on stdout', async () => {
    const result = await run('replay', history)
    const count = (await lines(history)).length
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(`${history}: ${count.toLocaleString('en-US')} events in `)
    expect(result.stdout).toMatch(/customer-360 v\d+\s+40\s/)
    expect(result.stdout).toMatch(/churn-facts v\d+\s+40\s/)
    expect(result.stderr).toMatch(/replay \[#+\] 100%/)
  })

  it('rebuilds one projection when asked', async () => {
    const result = await run('replay', history, '--projection', 'churn')
    expect(result.stdout).not.toContain('customer-360')
    expect(result.stdout).toContain('churn-facts')
  })
})

describe('churn', () => {
  it('writes CSV whose header starts customerId,risk,health, then the signals', async () => {
    const result = await run('churn', history, '--as-of', '2024-06-30', '--top', '5', '--format', 'csv')
    const [header, ...rows] = result.stdout.trimEnd().split('\n')
    expect(header).toMatch(/^customerId,risk,health,purchase-lapse,/)
    expect(rows).toHaveLength(5)
    for (const row of rows) {
      const cells = row.split(',')
      expect(Number(cells[1]) + Number(cells[2])).toBe(100)
    }
  })

  it('uses only the events up to --as-of: a later event changes nothing', async () => {
    const asOf = '2023-09-30'
    const before = await run('churn', history, '--as-of', asOf, '--format', 'json')
    const all = await lines(history)
    const last: unknown = JSON.parse(all[all.length - 1] ?? '')
    const future = JSON.stringify({
      ...Object(last),
      id: '01999999-0000-7000-8000-000000000000',
      type: 'ComplaintFiled',
      occurredAt: '2030-01-01T00:00:00Z',
      schemaVersion: 1,
      data: { complaintId: 'later', channel: 'email', category: 'delivery', severity: 'high' },
      position: '999999999',
      revision: String(
        all.filter((l) => l.includes(`"streamId":"${String(Reflect.get(Object(last), 'streamId'))}"`)).length,
      ),
    })
    const extended = join(dir, 'extended.ndjson')
    await writeFile(extended, [...all, future].join('\n') + '\n')
    const after = await run('churn', extended, '--as-of', asOf, '--format', 'json')
    expect(after.code).toBe(0)
    expect(after.stdout).toBe(before.stdout)
  })

  it('prints a table by default', async () => {
    const result = await run('churn', history, '--as-of', '2024-06-30', '--top', '3')
    const json = await run('churn', history, '--as-of', '2024-06-30', '--format', 'json')
    const customers = Number(Reflect.get(Object(JSON.parse(json.stdout)), 'customers'))
    expect(customers).toBeGreaterThan(3)
    const [title, header, ...rows] = result.stdout.trimEnd().split('\n')
    expect(title).toBe(`${customers} customers as of 2024-06-30; the 3 most at risk:`)
    expect(header).toMatch(/^customer\s+risk\s+health\s+band/)
    expect(rows).toHaveLength(3)
  })
})

describe('view and kpis', () => {
  it('prints one customer view as JSON, as of an instant', async () => {
    const first: unknown = JSON.parse((await lines(history))[0] ?? '')
    const customerId = String(Reflect.get(Object(first), 'customerId'))
    const result = await run('view', history, customerId, '--as-of', '2024-01-01')
    const view: unknown = JSON.parse(result.stdout)
    expect(view).toMatchObject({ customerId, asOf: '2024-01-01T23:59:59.999Z', known: true })
  })

  it('prints the KPIs as a table or JSON', async () => {
    const table = await run('kpis', history, '--as-of', '2024-06-30')
    const json = await run('kpis', history, '--as-of', '2024-06-30', '--format', 'json')
    const customers = Number(Reflect.get(Object(JSON.parse(json.stdout)), 'customers'))
    expect(customers).toBeGreaterThan(0)
    expect(table.stdout).toMatch(new RegExp(`^KPI\\s+value\\s+basis\ncustomers\\s+${customers}\\s`))
    const latest = await run('kpis', history, '--format', 'json')
    expect(JSON.parse(latest.stdout)).toMatchObject({ customers: 40 })
  })
})

describe('bad input', () => {
  it('an unknown command or flag prints usage and exits 2', async () => {
    const unknown = await run('frobnicate')
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/^journeykit: unknown command "frobnicate"\n\nUsage: journeykit <command>/)
    const flag = await run('replay', history, '--fast')
    expect(flag.code).toBe(2)
    expect(flag.stderr).toMatch(/^journeykit: Unknown option '--fast'.*\n\nUsage: journeykit replay/)
    expect((await run()).code).toBe(2)
    expect((await run('churn', history, '--as-of', 'yesterday')).stderr).toMatch(/--as-of must be a date/)
  })

  it('a missing file prints one sentence and exits 1', async () => {
    const result = await run('replay', join(dir, 'nope.ndjson'))
    expect(result).toMatchObject({
      code: 1,
      stderr: `journeykit: ${join(dir, 'nope.ndjson')}: no such file.\n`,
    })
  })

  it('a corrupt line names the file, the line, the field and the reason, without a stack trace', async () => {
    const all = await lines(history)
    all[2] = (all[2] ?? '').replace(/"occurredAt":"[^"]+"/, '"occurredAt":"last tuesday"')
    const corrupt = join(dir, 'corrupt.ndjson')
    await writeFile(corrupt, all.join('\n') + '\n')
    const result = await run('churn', corrupt, '--as-of', '2024-01-01')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(new RegExp(`^journeykit: ${corrupt} line 3: occurredAt .+\\.\\n$`))
    expect(result.stderr).not.toContain('    at ')
    const debug = await run('churn', corrupt, '--as-of', '2024-01-01', '--debug')
    expect(debug.stderr).toContain('    at ')
  })

  it('--help on every command shows its usage with an example', async () => {
    for (const command of ['demo', 'simulate', 'import', 'replay', 'churn', 'view', 'kpis']) {
      const result = await run(command, '--help')
      expect(result.code).toBe(0)
      expect(result.stdout).toMatch(/^Usage: journeykit /)
      expect(result.stdout).toMatch(/\nExample:\n {2}journeykit /)
    }
  })
})

describe('demo', () => {
  it('simulates, rebuilds and reports KPIs, the 10 most at risk with evidence, and one 360 view', async () => {
    const result = await run('demo', '--customers', '60', '--seed', '5')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^journeykit demo: 60 customers, [\d,]+ events \(seed 5\), as of /)
    expect(result.stdout).toContain('\nPortfolio KPIs\n')
    expect(result.stdout).toMatch(
      /\nThe 10 customers most at risk by value \([A-Z]{3}; currencies are never mixed\)\n/,
    )
    expect(result.stdout).toMatch(/\n {5}evidence: [0-9a-f-]{36}/)
    expect(result.stdout).toMatch(/\nCustomer 360: \S+\ncustomer\s+/)
    expect(result.stderr).toMatch(/rebuild \[#+\] 100%/)
    const again = await run('demo', '--customers', '60', '--seed', '5')
    expect(again.stdout).toBe(result.stdout)
  })
})

const shared = join(import.meta.dirname, '../../../../shared/data')
const cdnow = join(shared, 'cdnow/CDNOW_master.txt')
const olist = join(shared, 'olist-sample')

describe.skipIf(!existsSync(cdnow) || !existsSync(olist))(
  'import (skipped: ../shared/data is absent)',
  () => {
    it('imports CDNOW and Olist as NDJSON histories that replay', async () => {
      for (const [source, input] of [
        ['cdnow', cdnow],
        ['olist', olist],
      ] as const) {
        const out = join(dir, `${source}.ndjson`)
        const result = await run('import', source, input, '-o', out)
        expect(result.code).toBe(0)
        const count = (await lines(out)).length
        expect(result.stdout).toMatch(
          new RegExp(`^${out}: ${count} events of \\d+ customers from \\d+ ${source} rows\\n$`),
        )
        expect((await run('replay', out, '--projection', '360')).code).toBe(0)
      }
    })

    it('names the file and line of a malformed row', async () => {
      const bad = join(dir, 'bad-cdnow.txt')
      await writeFile(
        bad,
        'customer_id date number_of_cds dollar_value\n00001 19970101 1 11.77\n00002 1997x101 1 5.00\n',
      )
      const result = await run('import', 'cdnow', bad, '-o', join(dir, 'bad.ndjson'))
      expect(result.code).toBe(1)
      expect(result.stderr).toMatch(
        `journeykit: ${bad}:3: date must be a calendar date YYYYMMDD that exists, got "1997x101".\n`,
      )
      expect(existsSync(join(dir, 'bad.ndjson'))).toBe(false)
    })
  },
)
