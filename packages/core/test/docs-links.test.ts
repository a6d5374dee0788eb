import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const pages = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
]

/** Relative link targets of a markdown file (web links and in-page anchors left out). */
const relativeLinks = (page: string): string[] =>
  [...readFileSync(join(root, page), 'utf8').matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1] ?? '')
    .filter((target) => !/^[a-z]+:/i.test(target) && !target.startsWith('#'))

describe('links in README.md and docs/', () => {
  it('point at files that exist', () => {
    const broken = pages.flatMap((page) =>
      relativeLinks(page)
        .map((target) => relative(root, resolve(root, dirname(page), target.split('#')[0] ?? '')))
        .filter((file) => !existsSync(join(root, file)))
        .map((file) => `${page} → ${file}`),
    )
    expect(broken).toEqual([])
  })

  it('reach every docs page from the README', () => {
    const linked = new Set(relativeLinks('README.md').map((t) => t.split('#')[0]))
    expect(pages.filter((p) => p !== 'README.md' && !linked.has(p))).toEqual([])
  })
})
