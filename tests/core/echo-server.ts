import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One request as the server received it. */
export interface ReceivedRequest {
  method: string
  /** Path and query exactly as sent. */
  url: string
  /** Header names lower-cased. */
  headers: Record<string, string>
  /** The raw body as text ('' when none). */
  body: string
  /** Parts of a multipart/form-data body, parsed back by the server. */
  form?: Record<string, ReceivedPart>
}

/** A multipart part: a plain field or a file with its real bytes. */
export type ReceivedPart =
  string | { filename: string; type: string; size: number; text: string }

export interface EchoServer {
  /** `http://127.0.0.1:<port>`, a base URL for `createClient`. */
  url: string
  /** Every request received so far, oldest first. */
  requests: ReceivedRequest[]
  close(): Promise<void>
}

/**
 * The request header a test sets to choose the reply; without it the
 * server answers 200 with the received request as JSON (so tests inside
 * workerd or the edge runtime can see what went on the wire).
 *
 * - `status:<code>`: that status with a JSON error body (none for 204)
 * - `empty`: 200 with no body
 * - `html`: 200 with an HTML page
 * - `slow`: the echo, one second late
 */
export const REPLY_HEADER = 'x-test-reply'

/** Starts a node:http server on 127.0.0.1 with a free port. */
export async function startEchoServer(): Promise<EchoServer> {
  const requests: ReceivedRequest[] = []
  const server = createServer(async (incoming, outgoing) => {
    const received = await readRequest(incoming)
    requests.push(received)
    const reply = received.headers[REPLY_HEADER] ?? ''

    if (reply === 'slow') await new Promise((done) => setTimeout(done, 1000))
    if (outgoing.destroyed) return

    const status = /^status:(\d{3})$/.exec(reply)?.[1]
    if (status === '204') {
      outgoing.writeHead(204).end()
    } else if (status) {
      const body = { statusCode: Number(status), message: `reply ${status}` }
      outgoing.writeHead(Number(status), { 'content-type': 'application/json' })
      outgoing.end(JSON.stringify(body))
    } else if (reply === 'empty') {
      outgoing.writeHead(200, { 'content-length': '0' }).end()
    } else if (reply === 'html') {
      outgoing.writeHead(200, { 'content-type': 'text/html' })
      outgoing.end('<html><body>maintenance</body></html>')
    } else {
      outgoing.writeHead(200, { 'content-type': 'application/json' })
      outgoing.end(JSON.stringify(received))
    }
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

async function readRequest(
  incoming: IncomingMessage,
): Promise<ReceivedRequest> {
  const chunks: Buffer[] = []
  for await (const chunk of incoming) chunks.push(chunk as Buffer)
  const bytes = Buffer.concat(chunks)

  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value !== undefined) headers[name] = String(value)
  }
  const received: ReceivedRequest = {
    method: incoming.method ?? '',
    url: incoming.url ?? '',
    headers,
    body: bytes.toString('utf8'),
  }
  if (headers['content-type']?.startsWith('multipart/form-data')) {
    received.form = await parseMultipart(bytes, headers['content-type'])
  }
  return received
}

/** Parses multipart bytes with the Web `Response.formData` of Node. */
async function parseMultipart(
  bytes: Buffer,
  contentType: string,
): Promise<Record<string, ReceivedPart>> {
  const response = new Response(new Uint8Array(bytes), {
    headers: { 'content-type': contentType },
  })
  const parts: Record<string, ReceivedPart> = {}
  for (const [name, value] of await response.formData()) {
    parts[name] =
      typeof value === 'string'
        ? value
        : {
            filename: value.name,
            type: value.type,
            size: value.size,
            text: await value.text(),
          }
  }
  return parts
}
