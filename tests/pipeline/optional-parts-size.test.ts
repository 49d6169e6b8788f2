import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { beforeAll, expect, it } from 'vitest'

// Budgets for the parts a default call must not pay for. Measured from
// src (no build needed) the way A3-bundle-budget measures dist: bundled for
// the browser, minified, gzip -9.
const BUDGET_PAGINATE = 900
const BUDGET_RATE_LIMITER = 500

const root = join(import.meta.dirname, '../..')

async function measure(
  names: string[],
  body: string,
): Promise<[number, string]> {
  const result = await build({
    stdin: {
      contents:
        `import { createClient, ${names.join(', ')} } from './src/index'\n` +
        body,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  })
  const code = result.outputFiles[0]!.contents
  return [gzipSync(code, { level: 9 }).length, result.outputFiles[0]!.text]
}

let oneCall: [number, string]
let listCall: [number, string]
beforeAll(async () => {
  oneCall = await measure(
    ['getContact'],
    'const c = createClient({ privateIntegrationToken: "x" })\n' +
      'export default () => getContact(c, { contactId: "a" })',
  )
  listCall = await measure(
    ['getContacts'],
    'const c = createClient({ privateIntegrationToken: "x" })\n' +
      'export default () => getContacts(c, { locationId: "l" })',
  )
})

it(`paginate adds under ${BUDGET_PAGINATE} B gzip, and only when imported`, async () => {
  const [size] = await measure(
    ['getContacts', 'paginate'],
    'const c = createClient({ privateIntegrationToken: "x" })\n' +
      'export default () => paginate(getContacts, c, { locationId: "l" })',
  )
  console.log(`paginate: +${size - listCall[0]} B gzip`)
  expect(size - listCall[0]).toBeLessThanOrEqual(BUDGET_PAGINATE)
  expect(size - listCall[0]).toBeGreaterThan(100)
  expect(oneCall[1]).not.toContain('paginate:')
  expect(listCall[1]).not.toContain('paginate:')
})

it(`the rate limiter adds under ${BUDGET_RATE_LIMITER} B gzip, and only when imported`, async () => {
  const [size] = await measure(
    ['getContact', 'createRateLimiter'],
    'const c = createClient({ privateIntegrationToken: "x", rateLimiter: createRateLimiter() })\n' +
      'export default () => getContact(c, { contactId: "a" })',
  )
  console.log(`rate limiter: +${size - oneCall[0]} B gzip`)
  expect(size - oneCall[0]).toBeLessThanOrEqual(BUDGET_RATE_LIMITER)
  // Its code arrives with the import, so the default call never had it.
  expect(size - oneCall[0]).toBeGreaterThan(100)
})
