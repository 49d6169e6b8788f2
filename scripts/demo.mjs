#!/usr/bin/env node
// Quickstart: a few contact calls through the BUILT package (run
// `npm run build` first).
//
//   npm run demo                 against a Prism mock of the contacts API
//   npm run demo -- --live       against the real API; needs HIGHLEVEL_TOKEN
//                                (a private integration token) and
//                                HIGHLEVEL_LOCATION_ID. Creates one contact
//                                and one task in that location.
//
// The mock serves apps/contacts.json of the API description found at
// HIGHLEVEL_SPEC_DIR, else ../shared/highlevel-api beside the repository.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const live = process.argv.includes('--live')

let client
let prism
try {
  const api = await import('highlevel-fetch').catch((cause) => {
    throw new Error('cannot load the built package: run `npm run build`', {
      cause,
    })
  })
  const target = live ? useLiveAPI() : await startPrism()
  client = api.createClient({
    privateIntegrationToken: target.token,
    baseURL: target.baseURL,
  })
  console.log(`highlevel-fetch demo against ${target.name}\n`)
  await runCalls(api, target.locationId)
  console.log('\ndemo passed')
} catch (error) {
  console.error(`\ndemo failed: ${error.message}`)
  if (error.body) console.error('response body:', error.body)
  if (error.cause) console.error('cause:', error.cause.message ?? error.cause)
  process.exitCode = 1
} finally {
  stopPrism()
}

/** The calls a first user makes, each printed in one line. */
async function runCalls(api, locationId) {
  const show = (name, value) =>
    console.log(`${name.padEnd(24)} → ${JSON.stringify(value).slice(0, 110)}`)

  const list = await api.getContacts(client, { locationId, limit: 5 })
  show('getContacts', {
    count: list.contacts?.length,
    first: list.contacts?.[0]?.id,
  })

  const search = await api.searchContactsAdvanced(client, {
    locationId,
    pageLimit: 5,
  })
  show('searchContactsAdvanced', search ?? '(no body: none is described)')

  const created = await api.createContact(client, {
    locationId,
    firstName: 'Demo',
    lastName: 'highlevel-fetch',
    email: `demo+${Date.now()}@example.com`,
  })
  const contactId = created.contact?.id
  show('createContact', { id: contactId, name: created.contact?.firstName })
  if (!contactId) throw new Error('createContact returned no contact id')

  const { contact } = await api.getContact(client, { contactId })
  show('getContact', {
    id: contact?.id,
    email: contact?.email,
    tags: contact?.tags,
  })

  const { task } = await api.createTask(
    client,
    { contactId },
    {
      title: 'Call back',
      dueDate: new Date(Date.now() + 86_400_000).toISOString(),
      completed: false,
    },
  )
  show('createTask', { id: task?.id, title: task?.title })
}

function useLiveAPI() {
  const token = process.env.HIGHLEVEL_TOKEN
  const locationId = process.env.HIGHLEVEL_LOCATION_ID
  if (!token || !locationId) {
    throw new Error('--live needs HIGHLEVEL_TOKEN and HIGHLEVEL_LOCATION_ID')
  }
  return { name: 'the live HighLevel API', token, locationId }
}

/** Starts Prism on a free port and resolves once it answers requests. */
async function startPrism() {
  const specDir = resolve(
    root,
    process.env.HIGHLEVEL_SPEC_DIR ?? '../shared/highlevel-api',
  )
  const spec = join(specDir, 'apps/contacts.json')
  if (!existsSync(spec)) {
    throw new Error(
      `no API description at ${spec}: set HIGHLEVEL_SPEC_DIR to the ` +
        'folder holding apps/*.json',
    )
  }
  const prismBin = join(root, 'node_modules/@stoplight/prism-cli/dist/index.js')
  if (!existsSync(prismBin)) {
    throw new Error('Prism is not installed: run `npm ci`')
  }

  const port = await findFreePort()
  const output = []
  prism = spawn(
    process.execPath,
    [prismBin, 'mock', spec, '-h', '127.0.0.1', '-p', String(port)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  prism.stdout.on('data', (chunk) => output.push(chunk))
  prism.stderr.on('data', (chunk) => output.push(chunk))
  const exited = new Promise((_, reject) =>
    prism.once('exit', (code) =>
      reject(
        new Error(
          `Prism exited with ${code}:\n${Buffer.concat(output).toString()}`,
        ),
      ),
    ),
  )

  const baseURL = `http://127.0.0.1:${port}`
  await Promise.race([waitUntilAnswering(baseURL), exited])
  return {
    name: `a Prism mock of ${spec}`,
    token: 'pit-demo-token',
    baseURL,
    locationId: 've9EPM428h8vShlRW1KT',
  }
}

async function waitUntilAnswering(baseURL, timeout = 60_000) {
  const deadline = Date.now() + timeout
  while (Date.now() < deadline) {
    // Any answer (401 without a token) means Prism has loaded the file.
    const answered = await fetch(`${baseURL}/contacts/ping`).then(
      () => true,
      () => false,
    )
    if (answered) return
    await new Promise((wait) => setTimeout(wait, 250))
  }
  throw new Error(`Prism did not answer within ${timeout / 1000} s`)
}

function findFreePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolvePort(port))
    })
  })
}

function stopPrism() {
  if (prism && prism.exitCode === null) prism.kill('SIGTERM')
}
