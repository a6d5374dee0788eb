import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { definitionOf, eventTypes, renderEventCatalogue } from '../src/index.js'

const docPath = new URL('../../../docs/events.md', import.meta.url)

describe('docs/events.md', () => {
  it('is exactly the catalogue rendered from the codecs (run `pnpm docs:events` after changing events)', () => {
    expect(readFileSync(docPath, 'utf8')).toBe(renderEventCatalogue())
  })

  it('documents every event type and every field of its codec', () => {
    const doc = readFileSync(docPath, 'utf8')
    for (const type of eventTypes) {
      const section = doc.split(`### ${type}\n`)[1]?.split('\n### ')[0]
      expect(section, `section for ${type}`).toBeDefined()
      const definition = definitionOf(type)
      for (const field of [...Object.keys(definition.required), ...Object.keys(definition.optional)]) {
        expect(section, `${type}.${field}`).toContain(`| \`${field}\` |`)
      }
      expect(definition.summary.length, `${type} has a summary`).toBeGreaterThan(10)
    }
  })
})
