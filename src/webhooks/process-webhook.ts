import type { Client } from '../client/types'
import { handleAppLifecycle } from './handle-app-lifecycle'
import { readReplayFields } from './read-replay-fields'
import type {
  AnyWebhookEvent,
  WebhookContext,
  WebhookHandlers,
  WebhookOptions,
  WebhookOutcome,
  WebhookRejectionReason,
} from './types'
import {
  verifyWebhookSignature,
  type WebhookBody,
  type WebhookHeaders,
} from './verify-webhook-signature'
import {
  getWebhookIdKey,
  resolveWebhookIdStore,
  runOnce,
} from './webhook-id-store'
import { withoutPrefix } from '../core/without-prefix'

const DEFAULT_TOLERANCE = 5 * 60_000
// Ids outlive the timestamp window, after which the window refuses them.
const UNBOUNDED_SEEN_TTL = 7 * 24 * 60 * 60_000

/**
 * The one core behind both front doors: verify the signature over the raw
 * body, parse, refuse replays, act on app lifecycle events, then run the
 * user's handler. Never throws; a failing handler becomes a 500 outcome.
 *
 * @example
 * const outcome = await processWebhook(
 *   client,
 *   { body: rawBody, headers },
 *   { ContactCreate: (event) => saveContact(event.id) },
 * )
 * reply.status(outcome.status)
 */
export async function processWebhook(
  client: Client,
  input: { body: WebhookBody; headers: WebhookHeaders },
  handlers: WebhookHandlers,
  options: WebhookOptions = {},
): Promise<WebhookOutcome> {
  const verification = await verifyWebhookSignature(
    input.body,
    input.headers,
    options,
  )
  if (!verification.valid) {
    if (verification.reason === 'body_not_raw') {
      // The app's setup is wrong, not the sender: logged at error, and the
      // fix travels in the outcome too, for apps that log nothing.
      const { message } = verification
      client.logger.error(withoutPrefix(message), {
        reason: 'body_not_raw',
        status: 500,
      })
      return { status: 500, reason: verification.reason, message }
    }
    return refuse(client, 401, verification.reason, {})
  }

  const event = parsePayload(input.body)
  if (!event) return refuse(client, 400, 'malformed_body', {})
  const { timestamp, webhookId } = readReplayFields(event)
  const details = {
    type: typeof event.type === 'string' ? event.type : undefined,
    webhookId,
  }
  const replayStatus = options.replayStatus ?? 409
  const tolerance = options.timestampTolerance ?? DEFAULT_TOLERANCE
  if (
    (timestamp === undefined || webhookId === undefined) &&
    options.missingReplayFields !== 'accept'
  ) {
    return refuse(client, 400, 'missing_replay_fields', details)
  }
  if (timestamp !== undefined && Number.isNaN(timestamp)) {
    return refuse(client, 400, 'invalid_timestamp', details)
  }
  if (timestamp !== undefined && Math.abs(Date.now() - timestamp) > tolerance) {
    return refuse(client, replayStatus, 'stale_timestamp', details)
  }

  const context: WebhookContext = {
    client,
    scheme: verification.scheme,
    webhookId,
  }
  const task = async () => {
    if (options.lifecycle !== false) await handleAppLifecycle(client, event)
    await runHandlers(handlers, event, context)
  }

  try {
    if (webhookId === undefined) {
      await task()
      return { status: 200 }
    }
    const store = resolveWebhookIdStore(client, options.store)
    const ttl =
      options.seenTtl ??
      (Number.isFinite(tolerance) ? tolerance * 2 : UNBOUNDED_SEEN_TTL)
    const key = getWebhookIdKey(client, webhookId)
    const result = await runOnce(store, key, ttl, task, (error) =>
      client.logger.error('webhook handled but its id was not stored', {
        ...details,
        error,
      }),
    )
    if (result === 'done') return { status: 200 }
    return refuse(client, replayStatus, result, details)
  } catch (error) {
    client.logger.error('webhook handler failed', { ...details, error })
    return { status: 500, reason: 'handler_failed' }
  }
}

function refuse(
  client: Client,
  status: number,
  reason: WebhookRejectionReason,
  details: { type?: string; webhookId?: string },
): WebhookOutcome {
  // Only the reason, type and id: the body holds personal data.
  client.logger.warn(`webhook refused: ${reason}`, {
    reason,
    status,
    ...details,
  })
  return { status, reason }
}

function parsePayload(body: WebhookBody): Record<string, unknown> | undefined {
  try {
    const text =
      typeof body === 'string'
        ? body
        : new TextDecoder('utf-8', { fatal: true }).decode(body)
    const payload: unknown = JSON.parse(text)
    return typeof payload === 'object' &&
      payload !== null &&
      !Array.isArray(payload)
      ? (payload as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}

async function runHandlers(
  handlers: WebhookHandlers,
  event: AnyWebhookEvent,
  context: WebhookContext,
): Promise<void> {
  const type = event.type
  if (
    typeof type === 'string' &&
    type !== '*' &&
    Object.prototype.hasOwnProperty.call(handlers, type)
  ) {
    const handler = (handlers as Record<string, unknown>)[type]
    if (typeof handler === 'function') await handler(event, context)
  }
  await handlers['*']?.(event, context)
}
