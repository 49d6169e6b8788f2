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
    return refuse(client, 405, 'method_not_allowed', { allow: 'POST' })
  }

  let body: Uint8Array
  try {
    body = new Uint8Array(await request.arrayBuffer())
  } catch {
    // Already read by other code, or the connection broke mid-body.
    return refuse(client, 400, 'malformed_body')
  }

  const outcome = await processWebhook(
    client,
    { body, headers: request.headers },
    handlers,
    options,
  )
  const { status, reason, message } = outcome
  return Response.json(
    reason ? { ok: false, reason, ...(message && { message }) } : { ok: true },
    { status },
  )
}

/** Refusals made before `processWebhook`, logged like the ones it makes. */
function refuse(
  client: Client,
  status: number,
  reason: string,
  headers?: Record<string, string>,
): Response {
  client.logger.warn(`webhook refused: ${reason}`, { reason, status })
  return Response.json({ ok: false, reason }, { status, headers })
}
