import type { WebhookEventMap, WebhookEventType } from './events.generated'
import type { AnyWebhookEvent } from './types'

/**
 * Narrows an event of unknown kind, as the `'*'` handler receives it, to
 * one documented type. (`event.type === 'ContactCreate'` alone cannot:
 * an unknown event's `type` could be any string.)
 *
 * @example
 * '*': (event) => {
 *   if (isWebhookEvent(event, 'ContactCreate')) seen.add(event.id)
 * }
 */
export function isWebhookEvent<TType extends WebhookEventType>(
  event: AnyWebhookEvent,
  type: TType,
): event is WebhookEventMap[TType] {
  return event.type === type
}
