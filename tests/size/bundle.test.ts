import { build } from 'esbuild'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../..')

/** Budgets from the brief; the figures match ../shared/checks/A3-bundle-budget. */
const BUDGET_ONE_CALL = 6_000
const BUDGET_NEXT_OPERATION = 400
/**
 * The same app for a server runtime (Workers' conditions, as wrangler
 * bundles it): the root that refreshes OAuth sessions and decodes their
 * JWTs with jose, which the browser build leaves out.
 */
const BUDGET_ONE_CALL_SERVER = 8_000
const WORKERS_CONDITIONS = ['workerd', 'worker', 'browser']

/**
 * Bundles an app importing `names` from the built package the way a browser
 * app would and returns its minified size after gzip -9, in bytes. The app
 * sources are the ones A3-bundle-budget measures, so the figures agree.
 */
async function measureApp(
  names: string[],
  calls: string[],
  conditions?: string[],
): Promise<number> {
  const source =
    `import { createClient, ${names.join(', ')} } from "highlevel-fetch";\n` +
    'const c = createClient({ privateIntegrationToken: "x" });\n' +
    `export default () => ${calls.length > 1 ? `[${calls.join(', ')}]` : calls[0]};\n`
  const result = await build({
    stdin: { contents: source, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    conditions,
    write: false,
    logLevel: 'silent',
  })
  return measureGzip(result.outputFiles[0].contents)
}

/**
 * zlib level 9, or the `gzip -9` tool A3-bundle-budget pipes through when
 * it is installed: its own deflate comes out ~20 B larger, and the budget
 * holds for the larger figure.
 */
function measureGzip(bytes: Uint8Array): number {
  const zlib = gzipSync(bytes, { level: 9 }).length
  const tool = spawnSync('gzip', ['-9', '-c'], { input: bytes })
  return tool.status === 0 ? Math.max(zlib, tool.stdout.length) : zlib
}

describe('bundle size', () => {
  const getContactCall = 'getContact(c, { contactId: "a" })'
  let oneCall = 0
  beforeAll(async () => {
    oneCall = await measureApp(['getContact'], [getContactCall])
  })

  it(`keeps createClient + getContact under ${BUDGET_ONE_CALL} B gzip`, () => {
    console.log(`createClient + getContact: ${oneCall} B gzip`)

    expect(oneCall).toBeLessThanOrEqual(BUDGET_ONE_CALL)
  })

  it(`keeps the server build of createClient + getContact under ${BUDGET_ONE_CALL_SERVER} B gzip`, async () => {
    const size = await measureApp(
      ['getContact'],
      [getContactCall],
      WORKERS_CONDITIONS,
    )
    console.log(
      `createClient + getContact, Workers conditions (OAuth refresh included): ${size} B gzip`,
    )

    expect(size).toBeLessThanOrEqual(BUDGET_ONE_CALL_SERVER)
    expect(size).toBeGreaterThan(oneCall)
  })

  it(`adds under ${BUDGET_NEXT_OPERATION} B gzip for createContact`, async () => {
    const size = await measureApp(
      ['getContact', 'createContact'],
      [getContactCall, 'createContact(c, { locationId: "l" })'],
    )
    const added = size - oneCall
    console.log(`+ createContact: ${size} B gzip (+${added} B)`)

    expect(added).toBeLessThan(BUDGET_NEXT_OPERATION)
  })
})
