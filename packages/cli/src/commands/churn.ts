import type { CustomerEvaluation } from '@journeykit/churn'
import { atRiskCsv, atRiskEntry, evaluateAsOf } from '@journeykit/churn'
import { choiceFlag, intFlag } from '../args.js'
import { asOfFlag, fileArgument } from '../as-of.js'
import { usageError } from '../cli-error.js'
import type { Command } from '../command.js'
import { readHistory } from '../history.js'
import { println } from '../io.js'
import { money, table } from '../report.js'

const usage = `Usage: journeykit churn <events.ndjson> --as-of <date|instant> [--top N] [--format table|csv|json]

Evaluates every customer's churn risk as of an instant, from the events that occurred up to it (later events
are ignored), and lists the customers most at risk, highest risk first, with their signals.

  --as-of T        a date (2024-05-01, the end of that day UTC) or an instant (2024-05-01T09:30:00Z)
  --top N          how many customers to list (default 20)
  --format F       table (default), csv (header customerId,risk,health, then one column per signal) or json

Example:
  journeykit churn events.ndjson --as-of 2024-06-30 --top 50 --format csv > at-risk.csv`

const formats = ['table', 'csv', 'json'] as const

/** The currency a customer brings the most annual value in (their ranking currency). */
const currencyOf = (e: CustomerEvaluation): string =>
  Object.entries(e.value.perYear).sort((a, b) => b[1] - a[1])[0]?.[0] ?? ''

export const churn: Command = {
  name: 'churn',
  summary: 'the customers most at risk as of an instant',
  usage,
  flags: { 'as-of': { type: 'string' }, top: { type: 'string' }, format: { type: 'string' } },
  run: async (parsed, io) => {
    const [file = ''] = fileArgument(parsed, 'churn', usage)
    const asOf = asOfFlag(parsed, usage)
    if (asOf === undefined) throw usageError('churn needs --as-of <date|instant>', usage)
    const top = intFlag(parsed, 'top', 20, usage)
    const format = choiceFlag(parsed, 'format', formats, 'table', usage)
    const portfolio = evaluateAsOf(await readHistory(file), asOf)
    const listed = portfolio.evaluations.slice(0, top)
    if (format === 'json') {
      println(
        io.stdout,
        JSON.stringify({ asOf, customers: portfolio.evaluations.length, atRisk: listed }, null, 2),
      )
      return 0
    }
    const entries = listed.map((e) => atRiskEntry(e, currencyOf(e)))
    if (format === 'csv') {
      io.stdout.write(atRiskCsv(entries))
      return 0
    }
    println(
      io.stdout,
      `${portfolio.evaluations.length} customers as of ${asOf}; the ${listed.length} most at risk:`,
    )
    const rows = [['customer', 'risk', 'health', 'band', 'annual value', 'revenue at risk', 'signals']]
    for (const e of entries)
      rows.push([
        e.customerId,
        String(e.risk),
        String(e.health),
        e.band,
        e.currency === '' ? '-' : money(e.annualValue, e.currency),
        e.currency === '' ? '-' : money(e.revenueAtRisk, e.currency),
        e.signals.join(', ') || '-',
      ])
    println(io.stdout, table(rows))
    return 0
  },
}
