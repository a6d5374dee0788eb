import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { conditions: ['@journeykit/source'] },
  ssr: { resolve: { conditions: ['@journeykit/source'] } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'examples/*/test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
