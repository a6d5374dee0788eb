import { simulate as simulation } from '@journeykit/simulator'
import { intFlag, stringFlag } from '../args.js'
import { usageError } from '../cli-error.js'
import type { Command } from '../command.js'
import { println } from '../io.js'
import { writeHistory } from '../ndjson-writer.js'
import { progressBar } from '../progress.js'

const usage = `Usage: journeykit simulate --customers N [--seed S] -o <events.ndjson>

Writes a simulated history as NDJSON, streaming (millions of events without holding them in memory). The
same seed gives a byte-identical file.

  --customers N        customers to simulate (default 5000)
  --seed S             simulation seed (default 1)
  -o, --output FILE    the NDJSON file to write

Example:
  journeykit simulate --customers 10000 --seed 7 -o events.ndjson`

export const simulate: Command = {
  name: 'simulate',
  summary: 'write a simulated history as NDJSON',
  usage,
  flags: { customers: { type: 'string' }, seed: { type: 'string' }, output: { type: 'string', short: 'o' } },
  run: async (parsed, io) => {
    const customers = intFlag(parsed, 'customers', 5000, usage)
    const seed = intFlag(parsed, 'seed', 1, usage)
    const output = stringFlag(parsed, 'output')
    if (output === undefined) throw usageError('simulate needs -o <events.ndjson>', usage)
    const bar = progressBar('simulate', io.stderr)
    const written = await writeHistory(simulation({ customers, seed }), output, (done) =>
      bar.update({ done, total: undefined }),
    )
    bar.done({ done: written.events, total: written.events })
    println(io.stdout, `${output}: ${written.events} events of ${written.customers} customers (seed ${seed})`)
    return 0
  },
}
