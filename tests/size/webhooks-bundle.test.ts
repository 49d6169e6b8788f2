import { build } from 'esbuild'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { expect, it } from 'vitest'

const root = join(import.meta.dirname, '../..')

/** A Workers app verifying webhooks, bundled with wrangler's conditions. */
const WEBHOOK_APP =
  'import { createClient } from "highlevel-fetch";\n' +
  'import { handleWebhook } from "highlevel-fetch/webhooks";\n' +
  'const c = createClient({ privateIntegrationToken: "x" });\n' +
  'export default (r) => handleWebhook(c, r, { ContactCreate: async () => {} });\n'

// jose is loaded only for key import: its JWT, JWE and JWKS code would
// triple the bundle.
const BUDGET_WEBHOOK_APP = 16_000

it(`bundles a webhook handler under ${BUDGET_WEBHOOK_APP} B gzip, jose's key import only`, async () => {
  const result = await build({
    stdin: { contents: WEBHOOK_APP, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['workerd', 'worker', 'browser'],
    write: false,
    logLevel: 'silent',
  })
  const code = result.outputFiles[0].contents
  const size = gzipSync(code, { level: 9 }).length
  console.log(`createClient + handleWebhook: ${size} B gzip`)

  expect(size).toBeLessThanOrEqual(BUDGET_WEBHOOK_APP)
  expect(result.outputFiles[0].text).not.toMatch(
    /JWEDecryptionFailed|JWKSNoMatchingKey/,
  )
})
