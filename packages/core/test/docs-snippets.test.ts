import { describe, expect, it } from 'vitest'
import { docFiles, snippetBlocks } from '../scripts/docs-snippets.js'

describe('code snippets in docs/', () => {
  const blocks = docFiles().flatMap(snippetBlocks)

  it('exist (the getting-started guide uses them)', () => {
    expect(blocks.filter((b) => b.doc === 'docs/getting-started.md').length).toBeGreaterThan(2)
  })

  it('are taken from regions that exist in compiled, tested files', () => {
    for (const b of blocks) expect(b.expected, `${b.doc}: region ${b.region} in ${b.source}`).toBeDefined()
  })

  it('match their source regions exactly (run `pnpm docs:snippets` after changing the code)', () => {
    for (const b of blocks) expect(b.actual, `${b.doc}: ${b.source}#${b.region}`).toBe(b.expected)
  })
})
