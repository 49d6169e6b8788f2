// Serves several OpenAPI files with Prism from one Node process, one port
// per file, through the same function `prism mock` uses. Loading Prism's
// modules costs ~2 s of CPU; paying it once per host instead of once per
// file is most of the suite's start-up time.
//
// Usage: node prism-host.cjs <file.json>...
// Prints one line per file, `@@prism-host {"file","url"}` or
// `@@prism-host {"file","error"}`, then `@@prism-host {"ready":true}`.
// Exits when its stdin closes, so it never outlives the test run.
const { createServer } = require('node:net')
const {
  createSingleProcessPrism,
} = require('@stoplight/prism-cli/dist/util/createServer.js')

const PREFIX = '@@prism-host '

function report(message) {
  process.stdout.write(`${PREFIX}${JSON.stringify(message)}\n`)
}

function findFreePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

// Another process may take the free port before Prism listens on it.
async function serve(file, attempts = 3) {
  try {
    return await serveOnFreePort(file)
  } catch (error) {
    if (error?.code !== 'EADDRINUSE' || attempts <= 1) throw error
    return serve(file, attempts - 1)
  }
}

async function serveOnFreePort(file) {
  const port = await findFreePort()
  const server = await createSingleProcessPrism({
    document: file,
    host: '127.0.0.1',
    port,
    cors: true,
    errors: false,
    dynamic: false,
    ignoreExamples: false,
    seed: null,
    multiprocess: false,
    verboseLevel: 'warn',
  })
  if (!server) throw new Error('Prism returned no server')
  return `http://127.0.0.1:${port}`
}

async function main() {
  process.stdin.on('end', () => process.exit(0)).resume()
  for (const file of process.argv.slice(2)) {
    try {
      report({ file, url: await serve(file) })
    } catch (error) {
      report({ file, error: String(error?.stack ?? error) })
    }
  }
  report({ ready: true })
}

main()
