import { churnProjection } from '@journeykit/churn'
import { customer360Projection } from '@journeykit/customer-360'
import type { ProjectionProcessor } from '@journeykit/projections'
import { projectionProcessor } from '@journeykit/projections'
import { choiceFlag } from '../args.js'
import { usageError } from '../cli-error.js'
import type { Command } from '../command.js'
import { rebuildFromFile } from '../history.js'
import { println } from '../io.js'
import { table } from '../report.js'

const usage = `Usage: journeykit replay <events.ndjson> [--projection 360|churn|all]

Rebuilds projections from an NDJSON history: every line is decoded, validated and upcast, then folded.
Progress (rate, ETA) goes to stderr, a summary to stdout.

  --projection P   360, churn or all (default all)

Example:
  journeykit replay events.ndjson --projection 360`

const projections = ['360', 'churn', 'all'] as const

export const replay: Command = {
  name: 'replay',
  summary: 'rebuild projections from an NDJSON history',
  usage,
  flags: { projection: { type: 'string' } },
  run: async (parsed, io) => {
    const [file, ...rest] = parsed.positionals
    if (file === undefined) throw usageError('replay needs the NDJSON file to read', usage)
    if (rest.length > 0) throw usageError(`unexpected argument ${JSON.stringify(rest[0])}`, usage)
    const which = choiceFlag(parsed, 'projection', projections, 'all', usage)
    const processors: ProjectionProcessor<unknown, unknown>[] = []
    if (which !== 'churn') processors.push(projectionProcessor(customer360Projection(), { freeze: 'never' }))
    if (which !== '360') processors.push(projectionProcessor(churnProjection, { freeze: 'never' }))
    const report = await rebuildFromFile(file, processors, io)
    const p = report.progress
    println(
      io.stdout,
      `${file}: ${p.done.toLocaleString('en-US')} events in ${p.elapsedSeconds.toFixed(1)} s (${Math.round(p.eventsPerSecond).toLocaleString('en-US')} events/s)`,
    )
    const rows = [['projection', 'customers', 'events applied', 'unhandled types', 'dead letters']]
    processors.forEach((processor, i) => {
      const stats = report.projections[i]?.stats
      const unhandled = Object.values(stats?.unhandled ?? {})
      const skipped = unhandled.reduce((sum, n) => sum + n, 0)
      rows.push([
        `${processor.name} v${processor.version}`,
        String(processor.snapshot().partitions.size),
        String(stats?.applied ?? 0),
        unhandled.length === 0 ? 'none' : `${unhandled.length} types (${skipped} events)`,
        String(stats?.deadLetters.length ?? 0),
      ])
    })
    println(io.stdout, table(rows))
    return 0
  },
}
