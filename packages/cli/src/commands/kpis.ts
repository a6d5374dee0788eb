import { customer360Projection, portfolioKpis } from '@journeykit/customer-360'
import { projectionProcessor } from '@journeykit/projections'
import { choiceFlag } from '../args.js'
import { asOfFlag, fileArgument } from '../as-of.js'
import type { Command } from '../command.js'
import { rebuildFromFile } from '../history.js'
import { println } from '../io.js'
import { kpiTable } from '../report.js'
import { latestAsOf } from './latest.js'

const usage = `Usage: journeykit kpis <events.ndjson> [--as-of <date|instant>] [--format table|json]

Prints the portfolio KPIs (abandonment, first-contact resolution, speed of answer, SLA breaches, on-time
delivery, NPS, retention by cohort, top-customer revenue share) as of an instant (default: the latest
event's time), from the events that occurred up to it. Definitions: docs/kpis.md.

Example:
  journeykit kpis events.ndjson --as-of 2024-06-30 --format json`

const formats = ['table', 'json'] as const

export const kpis: Command = {
  name: 'kpis',
  summary: 'portfolio KPIs as of an instant',
  usage,
  flags: { 'as-of': { type: 'string' }, format: { type: 'string' } },
  run: async (parsed, io) => {
    const [file = ''] = fileArgument(parsed, 'kpis', usage)
    const asOfGiven = asOfFlag(parsed, usage)
    const format = choiceFlag(parsed, 'format', formats, 'table', usage)
    const projection = customer360Projection()
    const processor = projectionProcessor(projection, { freeze: 'never' })
    await rebuildFromFile(file, [processor], io)
    const partitions = processor.snapshot().partitions
    const asOf = asOfGiven ?? latestAsOf(partitions.values())
    const result = portfolioKpis(partitions, asOf, { options: projection.options })
    println(io.stdout, format === 'json' ? JSON.stringify(result, null, 2) : kpiTable(result))
    return 0
  },
}
