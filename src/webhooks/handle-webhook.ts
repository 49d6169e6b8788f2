import type { Client } from '../client/types'
import { processWebhook } from './process-webhook'
import type { WebhookHandlers, WebhookOptions } from './types'

/**
 * Answers one HighLevel webhook delivery given as a Fetch API `Request`
 * (Cloudflare Workers, Vercel Edge, Next.js route handlers, Hono, Deno,
 * Bun). Handlers run only for verified, fresh, not-yet-handled events;
 * a bad signature answers 401, a replay 409, a malformed body 400.
 *
 * @example
 * export default {
 *   fetch: (request, env) =>
 *     handleWebhook(createClient({ ... }), request, {
 *       ContactCreate: async (event) => { await saveContact(event) },
 *     }),
 * }
 */
export async function handleWebhook(
  client: Client,
  request: Request,
  handlers: WebhookHandlers,
  options?: WebhookOptions,
): Promise<Response> {
  if (request.method !== 'POST') {
    client.logger.warn('webhook refused: method_not_allowed', {
      reason: 'method_not_allowed',
      status: 405,
    })
    return Response.json(
      { ok: false, reason: 'method_not_allowed' },
      { status: 405, headers: { allow: 'POST' } },
    )
  }

  let body: Uint8Array
  try {
    body = new Uint8Array(await request.arrayBuffer())
  } catch {
    return Response.json(
      { ok: false, reason: 'malformed_body' },
      { status: 400 },
    )
  }

  const outcome = await processWebhook(
    client,
    { body, headers: request.headers },
    handlers,
    options,
  )
  return Response.json(
    outcome.reason ? { ok: false, reason: outcome.reason } : { ok: true },
    { status: outcome.status },
  )
}
