import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach } from 'vitest'

/** One request as the server received it. */
export interface SeenRequest {
  method: string
  /** Path and query exactly as sent. */
  url: string
  /** Header names lower-cased. */
  headers: Record<string, string>
  body: string
}

/** What the server answers; JSON unless `body` is a string. */
export interface Reply {
  status?: number
  headers?: Record<string, string>
  body?: unknown
  /** Milliseconds to wait before answering. */
  delay?: number
}

export interface ScriptedServer {
  /** `http://127.0.0.1:<port>`, a base URL for `createClient`. */
  url: string
  requests: SeenRequest[]
  close(): Promise<void>
}

/**
 * A node:http server on 127.0.0.1 that answers each request with what
 * `answer` returns for it (`index` counts from 0).
 */
export async function startScriptedServer(
  answer: (request: SeenRequest, index: number) => Reply | Promise<Reply>,
): Promise<ScriptedServer> {
  const requests: SeenRequest[] = []
  const server = createServer(async (incoming, outgoing) => {
    const request = await readRequest(incoming)
    const index = requests.push(request) - 1
    const reply = await answer(request, index)
    if (reply.delay) await new Promise((done) => setTimeout(done, reply.delay))
    if (outgoing.destroyed) return
    const text =
      reply.body === undefined
        ? ''
        : typeof reply.body === 'string'
          ? reply.body
          : JSON.stringify(reply.body)
    outgoing.writeHead(reply.status ?? 200, {
      'content-type': 'application/json',
      ...reply.headers,
    })
    outgoing.end(text)
  })
  await new Promise<void>((listening) =>
    server.listen(0, '127.0.0.1', listening),
  )
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((closed) => {
        server.closeAllConnections()
        server.close(() => closed())
      }),
  }
}

/**
 * Starts a scripted server for the test file that calls it. It answers
 * from `replies` in order, the last one repeating (`{}` when there are
 * none); the requests it saw are cleared before each test.
 */
export function useScriptedServer() {
  let server: ScriptedServer | undefined
  const started = () => {
    if (!server) throw new Error('the scripted server has not started yet')
    return server
  }
  const script = {
    replies: [] as Reply[],
    get url() {
      return started().url
    },
    get requests() {
      return started().requests
    },
  }
  beforeAll(async () => {
    server = await startScriptedServer(
      (_, index) =>
        script.replies[Math.min(index, script.replies.length - 1)] ?? {},
    )
  })
  afterAll(() => server?.close())
  beforeEach(() => {
    started().requests.length = 0
  })
  return script
}

async function readRequest(incoming: IncomingMessage): Promise<SeenRequest> {
  const chunks: Buffer[] = []
  for await (const chunk of incoming) chunks.push(chunk as Buffer)
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value !== undefined) headers[name] = String(value)
  }
  return {
    method: incoming.method ?? '',
    url: incoming.url ?? '',
    headers,
    body: Buffer.concat(chunks).toString('utf8'),
  }
}
