/** The replay-protection fields of a payload, when it carries them. */
export interface ReplayFields {
  /** Milliseconds since the epoch; `NaN` when present but unreadable. */
  timestamp?: number
  webhookId?: string
}

/**
 * Reads `timestamp` (ISO 8601, or epoch seconds or milliseconds) and
 * `webhookId` from a payload.
 * https://github.com/GoHighLevel/highlevel-api-docs/blob/main/docs/oauth/WebhookAuthentication.md
 */
export function readReplayFields(
  payload: Record<string, unknown>,
): ReplayFields {
  const fields: ReplayFields = {}
  const { timestamp, webhookId } = payload
  if (timestamp !== undefined && timestamp !== null && timestamp !== '') {
    fields.timestamp = toMilliseconds(timestamp)
  }
  if (typeof webhookId === 'string' && webhookId !== '') {
    fields.webhookId = webhookId
  } else if (typeof webhookId === 'number' && Number.isFinite(webhookId)) {
    fields.webhookId = String(webhookId)
  }
  return fields
}

function toMilliseconds(value: unknown): number {
  let number: number
  if (typeof value === 'number') number = value
  else if (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim())) {
    number = Number(value)
  } else if (typeof value === 'string') return Date.parse(value)
  else return Number.NaN

  if (!Number.isFinite(number)) return Number.NaN
  // Epoch seconds stay below 1e11 until the year 5138.
  return number < 1e11 ? number * 1000 : number
}
