// Code in docs/ is pulled from files that compile and run in CI. A fenced block preceded by
//   <!-- snippet: examples/quickstart/src/journey.ts#register -->
// holds exactly the lines between `// #region register` and `// #endregion` in that file (dedented).
// `pnpm docs:snippets` rewrites the blocks from the sources; a test fails when any block differs.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))

export interface SnippetBlock {
  readonly doc: string
  readonly source: string
  readonly region: string
  readonly actual: string
  readonly expected: string | undefined
}

const MARKER = /<!-- snippet: ([^#\s]+)#([\w-]+) -->\n+(```\w*\n)([\s\S]*?)```/g

const dedent = (lines: readonly string[]): string => {
  const indents = lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length)
  const cut = indents.length === 0 ? 0 : Math.min(...indents)
  return lines.map((l) => l.slice(cut)).join('\n')
}

/** The text of region `name` in a source file, or undefined when the file or region is missing. */
export const regionOf = (path: string, name: string): string | undefined => {
  let text: string
  try {
    text = readFileSync(`${repoRoot}${path}`, 'utf8')
  } catch {
    return undefined
  }
  const lines = text.split('\n')
  const start = lines.findIndex((l) => l.trim() === `// #region ${name}`)
  if (start < 0) return undefined
  const end = lines.findIndex((l, i) => i > start && l.trim() === '// #endregion')
  if (end < 0) return undefined
  return `${dedent(lines.slice(start + 1, end))}\n`
}

export const docFiles = (): string[] =>
  readdirSync(`${repoRoot}docs`)
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`)
    .concat('README.md')

export const snippetBlocks = (doc: string): SnippetBlock[] => {
  const text = readFileSync(`${repoRoot}${doc}`, 'utf8')
  return [...text.matchAll(MARKER)].map((m) => ({
    doc,
    source: m[1] ?? '',
    region: m[2] ?? '',
    actual: m[4] ?? '',
    expected: regionOf(m[1] ?? '', m[2] ?? ''),
  }))
}

const sync = (): void => {
  for (const doc of docFiles()) {
    const path = `${repoRoot}${doc}`
    const text = readFileSync(path, 'utf8')
    const next = text.replace(MARKER, (whole, source: string, region: string, fence: string) => {
      const code = regionOf(source, region)
      if (code === undefined) throw new Error(`${doc}: no region ${region} in ${source}`)
      return `<!-- snippet: ${source}#${region} -->\n\n${fence}${code}\`\`\``
    })
    if (next !== text) {
      writeFileSync(path, next)
      process.stdout.write(`updated ${doc}\n`)
    }
  }
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) sync()
