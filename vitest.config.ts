import { availableParallelism } from 'node:os'
import { cloudflareTest } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'

const workerdTests = 'tests/**/*.workerd.test.ts'
const edgeTests = 'tests/**/*.edge.test.ts'
// These read dist/, so their project builds it first when it is stale.
const packageTests = ['tests/size/**/*.test.ts', 'tests/package/**/*.test.ts']

// Three runtimes, one project each: `npx vitest run --project node` (or
// `workerd`, `edge`, `package`) runs one of them.
export default defineConfig({
  test: {
    // vitest's default (cores - 1) runs one file at a time on 2 cores; most
    // files wait on local servers, so two at a time finish ~20% sooner there.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          name: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: [workerdTests, edgeTests, ...packageTests],
          globalSetup: ['tests/runtimes/global-setup.ts'],
        },
      },
      {
        test: {
          name: 'package',
          include: packageTests,
          globalSetup: ['tests/package/global-setup.ts'],
        },
      },
      {
        plugins: [
          cloudflareTest({
            miniflare: {
              compatibilityDate: '2026-01-01',
              compatibilityFlags: ['nodejs_compat'],
              // A real KV namespace for the unstorage adapter's tests.
              kvNamespaces: ['SESSIONS'],
            },
          }),
        ],
        test: {
          name: 'workerd',
          include: [workerdTests],
          globalSetup: ['tests/runtimes/global-setup.ts'],
        },
      },
      {
        test: {
          name: 'edge',
          include: [edgeTests],
          environment: 'edge-runtime',
          globalSetup: ['tests/runtimes/global-setup.ts'],
        },
      },
    ],
  },
})
