import { customer360Projection, customerView } from '@journeykit/customer-360'
import { projectionProcessor } from '@journeykit/projections'
import { asOfFlag, fileArgument } from '../as-of.js'
import { dataError, usageError } from '../cli-error.js'
import type { Command } from '../command.js'
import { rebuildFromFile } from '../history.js'
import { println } from '../io.js'
import { latestAsOf } from './latest.js'

const usage = `Usage: journeykit view <events.ndjson> <customerId> [--as-of <date|instant>]

Prints one customer's 360 view as JSON, evaluated as of an instant (default: the latest event's time) from
the events that occurred up to it.

Example:
  journeykit view events.ndjson c-000042 --as-of 2024-06-30`

export const view: Command = {
  name: 'view',
  summary: "one customer's 360 view as JSON",
  usage,
  flags: { 'as-of': { type: 'string' } },
  run: async (parsed, io) => {
    const [file = '', customerId] = fileArgument(parsed, 'view', usage, 1)
    if (customerId === undefined) throw usageError('view needs a customer id after the file', usage)
    const asOfGiven = asOfFlag(parsed, usage)
    const projection = customer360Projection()
    const processor = projectionProcessor(projection, { freeze: 'never' })
    await rebuildFromFile(file, [processor], io)
    const partitions = processor.snapshot().partitions
    const asOf = asOfGiven ?? latestAsOf(partitions.values())
    const result = customerView(partitions, customerId, asOf, { options: projection.options })
    if (result === undefined) throw dataError(`${file}: no customer ${customerId}.`)
    println(io.stdout, JSON.stringify(result, null, 2))
    return 0
  },
}
