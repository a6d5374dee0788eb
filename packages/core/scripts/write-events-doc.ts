// Regenerates docs/events.md from the event catalogue: `pnpm docs:events`.
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { renderEventCatalogue } from '../src/events/catalogue-markdown.js'

const target = fileURLToPath(new URL('../../../docs/events.md', import.meta.url))
writeFileSync(target, renderEventCatalogue())
process.stdout.write(`wrote ${target}\n`)
