import { importCdnow, importOlist } from '@journeykit/importers'
import { stringFlag } from '../args.js'
import { usageError } from '../cli-error.js'
import type { Command } from '../command.js'
import { requireFile } from '../history.js'
import { println } from '../io.js'
import { writeHistory } from '../ndjson-writer.js'
import { progressBar } from '../progress.js'

const usage = `Usage: journeykit import cdnow <CDNOW_master.txt> -o <events.ndjson>
       journeykit import olist <olist-directory> -o <events.ndjson>

Imports a real purchase history as journey events (see docs/importers.md for the mapping) and writes it as
NDJSON. A malformed row stops the import with its file, line and reason.

  -o, --output FILE    the NDJSON file to write

Example:
  journeykit import cdnow ../shared/data/cdnow/CDNOW_master.txt -o cdnow.ndjson`

export const importHistory: Command = {
  name: 'import',
  summary: 'import CDNOW or Olist data as NDJSON',
  usage,
  flags: { output: { type: 'string', short: 'o' } },
  run: async (parsed, io) => {
    const [source, input, ...rest] = parsed.positionals
    if (source !== 'cdnow' && source !== 'olist')
      throw usageError(`import needs a source, cdnow or olist, got ${JSON.stringify(source ?? '')}`, usage)
    if (input === undefined)
      throw usageError(
        `import ${source} needs the ${source === 'cdnow' ? 'file' : 'directory'} to read`,
        usage,
      )
    if (rest.length > 0) throw usageError(`unexpected argument ${JSON.stringify(rest[0])}`, usage)
    const output = stringFlag(parsed, 'output')
    if (output === undefined) throw usageError(`import needs -o <events.ndjson>`, usage)
    const run = source === 'cdnow' ? importCdnow(requireFile(input)) : importOlist(input)
    const bar = progressBar(`import ${source}`, io.stderr)
    const written = await writeHistory(run.events, output, (done) => bar.update({ done, total: undefined }))
    bar.done({ done: written.events, total: written.events })
    const summary = run.summary()
    println(
      io.stdout,
      `${output}: ${written.events} events of ${summary.customers} customers from ${summary.rowsRead} ${source} rows`,
    )
    return 0
  },
}
