import type { Client } from '../client/types'
import type { StorageAdapter } from '../storage/types'
import type { WebhookEventMap, WebhookEventType } from './events.generated'
import type { WebhookSignatureScheme } from './import-public-key'
import type {
  VerifyWebhookSignatureOptions,
  WebhookSignatureFailure,
} from './verify-webhook-signature'

/** A verified payload whose `type` is not one of the documented events. */
export interface UnknownWebhookEvent {
  type?: unknown
  [field: string]: unknown
}

/** Any verified payload: a documented event or an unknown one. */
export type AnyWebhookEvent =
  WebhookEventMap[WebhookEventType] | UnknownWebhookEvent

/** What a handler learns besides the event. */
export interface WebhookContext {
  client: Client
  /** The scheme whose signature was verified. */
  scheme: WebhookSignatureScheme
  /** The payload's `webhookId`, when it has one. */
  webhookId?: string
}

export type WebhookHandler<TEvent> = (
  event: TEvent,
  context: WebhookContext,
) => unknown

/**
 * Handlers by event `type`, plus `'*'` for every verified event (unknown
 * types included), which runs after the handler for the event's type.
 */
export type WebhookHandlers = {
  [TType in WebhookEventType]?: WebhookHandler<WebhookEventMap[TType]>
} & {
  '*'?: WebhookHandler<AnyWebhookEvent>
}

export interface WebhookOptions extends VerifyWebhookSignatureOptions {
  /**
   * Milliseconds a payload's `timestamp` may differ from now, either way.
   * 5 minutes by default; `Infinity` turns the check off.
   */
  timestampTolerance?: number
  /**
   * What to do with a payload lacking `timestamp` or `webhookId`:
   * `'reject'` (default) answers 400; `'accept'` handles it with whichever
   * checks its fields allow.
   */
  missingReplayFields?: 'reject' | 'accept'
  /**
   * Where handled webhook ids are kept; the client's storage adapter by
   * default, else memory (one process only).
   */
  store?: StorageAdapter
  /** Milliseconds a handled id is remembered; twice the tolerance by default. */
  seenTtl?: number
  /** Status answered to a replayed delivery; 409 by default. */
  replayStatus?: number
  /**
   * Stores and deletes location sessions on INSTALL and UNINSTALL of this
   * app. On by default when the client has a `clientId`.
   */
  lifecycle?: boolean
}

/** Why a delivery was not handled. */
export type WebhookRejectionReason =
  | WebhookSignatureFailure
  | 'malformed_body'
  | 'invalid_timestamp'
  | 'stale_timestamp'
  | 'missing_replay_fields'
  | 'duplicate'
  | 'in_progress'
  | 'handler_failed'

/** The answer to one delivery, before it becomes an HTTP response. */
export interface WebhookOutcome {
  status: number
  /** Set when the delivery was refused or the handler failed. */
  reason?: WebhookRejectionReason
  /**
   * With `body_not_raw`: how to pass the raw body instead. Names no
   * secret and no payload field, so it may be shown in the response.
   */
  message?: string
}
