import type { Client } from '../client/types'
import { HighLevelError } from '../core/error'
import { processWebhook } from './process-webhook'
import type { WebhookHandlers, WebhookOptions } from './types'
import type { WebhookHeaders } from './verify-webhook-signature'
import { withoutPrefix } from '../core/without-prefix'

/** The parts of a Node or Express request the middleware reads. */
export interface NodeWebhookRequest extends AsyncIterable<unknown> {
  method?: string
  headers: WebhookHeaders
  /** Set by a body parser: raw bytes or text are used, a parsed object is refused. */
  body?: unknown
  /** Raw bytes some setups keep beside a parsed body (`express.json({ verify })`). */
  rawBody?: unknown
  readableEnded?: boolean
}

/** The parts of a Node or Express response the middleware writes. */
export interface NodeWebhookResponse {
  statusCode: number
  setHeader(name: string, value: string): unknown
  end(body?: string): unknown
}

export interface WebhookMiddlewareOptions extends WebhookOptions {
  /** Largest body read, in bytes; larger ones get 413. 1 MB by default. */
  limit?: number
}

/**
 * Express (or plain `node:http`) middleware for HighLevel webhooks. It
 * reads the raw body itself, so mount it before any JSON body parser or
 * on its own route. A body that an earlier parser already turned into an
 * object cannot be verified: an error naming the fix goes to `next`, or,
 * without `next` (plain `node:http`), the answer is 500 `body_not_raw`
 * with that fix as its `message`.
 *
 * @example
 * import express from 'express'
 * import { createWebhookMiddleware } from 'highlevel-fetch/webhooks/node'
 *
 * const app = express()
 * app.post('/webhooks/highlevel', createWebhookMiddleware(client, {
 *   ContactCreate: async (event) => { await saveContact(event) },
 * }))
 */
export function createWebhookMiddleware(
  client: Client,
  handlers: WebhookHandlers,
  options: WebhookMiddlewareOptions = {},
) {
  const limit = options.limit ?? 1_000_000

  return async (
    request: NodeWebhookRequest,
    response: NodeWebhookResponse,
    next?: (error?: unknown) => void,
  ): Promise<void> => {
    const reply = (status: number, body: object) => {
      response.statusCode = status
      response.setHeader('content-type', 'application/json')
      response.end(JSON.stringify(body))
    }
    // Refusals made here, before processWebhook, which logs its own.
    const refuse = (status: number, reason: string) => {
      client.logger.warn(`webhook refused: ${reason}`, { reason, status })
      reply(status, { ok: false, reason })
    }
    if (request.method !== undefined && request.method !== 'POST') {
      response.setHeader('allow', 'POST')
      return refuse(405, 'method_not_allowed')
    }

    const body = await readRawBody(request, limit).catch(() => undefined)
    if (body === 'too_large') return refuse(413, 'body_too_large')
    if (body === undefined) return refuse(400, 'malformed_body')
    if (body === 'parsed') {
      const error = new HighLevelError(
        'createWebhookMiddleware: the request body was already parsed by ' +
          'another middleware, so its signature cannot be checked; mount ' +
          'this middleware before express.json() (or on a route without ' +
          "it), or use express.raw({ type: 'application/json' }) there",
        { code: 'invalid_config' },
      )
      if (next) return next(error)
      // A setup mistake, as in processWebhook: logged at error, and the
      // fix is in the answer for apps that log nothing.
      client.logger.error(withoutPrefix(error.message), {
        reason: 'body_not_raw',
        status: 500,
      })
      return reply(500, {
        ok: false,
        reason: 'body_not_raw',
        message: error.message,
      })
    }

    const { status, reason, message } = await processWebhook(
      client,
      { body, headers: request.headers },
      handlers,
      options,
    )
    reply(
      status,
      reason
        ? { ok: false, reason, ...(message && { message }) }
        : { ok: true },
    )
  }
}

async function readRawBody(
  request: NodeWebhookRequest,
  limit: number,
): Promise<Uint8Array | string | 'parsed' | 'too_large'> {
  for (const candidate of [request.rawBody, request.body]) {
    if (typeof candidate === 'string' || candidate instanceof Uint8Array) {
      return candidate
    }
  }
  if (
    request.readableEnded ||
    (typeof request.body === 'object' && request.body !== null)
  ) {
    return 'parsed'
  }

  const chunks: Uint8Array[] = []
  let size = 0
  for await (const chunk of request) {
    const bytes =
      typeof chunk === 'string'
        ? new TextEncoder().encode(chunk)
        : (chunk as Uint8Array)
    size += bytes.byteLength
    if (size > limit) return 'too_large'
    chunks.push(bytes)
  }
  const body = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    body.set(chunk, offset)
    offset += chunk.byteLength
  }
  return body
}
