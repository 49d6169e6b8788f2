import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { repoRoot } from '../../scripts/generator/generate-operations.mjs'

const services = readdirSync(join(repoRoot, 'src/operations'), {
  withFileTypes: true,
})
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
const packageJson = JSON.parse(
  readFileSync(join(repoRoot, 'package.json'), 'utf8'),
)

it('publishes every generated service module as highlevel-fetch/<service>', () => {
  for (const service of services) {
    const file = `./dist/operations/${service}`
    expect(packageJson.exports[`./${service}`], service).toEqual({
      import: { types: `${file}.d.mts`, default: `${file}.mjs` },
      require: { types: `${file}.d.cts`, default: `${file}.cjs` },
    })
    // node10 resolution (no exports support) finds types through this.
    expect(packageJson.typesVersions['*'][service], service).toEqual([
      `${file}.d.cts`,
    ])
  }
  expect(services).toHaveLength(41)
})
