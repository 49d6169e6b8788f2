import { redact } from '../core/redact'
import { buildClient } from './build-client'
import type { Client, ClientConfig } from './types'

const SECRET_OPTION = /token|secret/i

/**
 * The client's configuration, safe to log: tokens and the client secret
 * are `[redacted]`, and so is an `Authorization` among the headers.
 *
 * @example
 * logger.info(getConfig(client)) // { privateIntegrationToken: '[redacted]', baseURL: ... }
 */
export function getConfig(
  client: Client,
): Readonly<ClientConfig> & { readonly baseURL: string } {
  const masked: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(client.config)) {
    masked[key] =
      key === 'headers'
        ? redact(value)
        : typeof value === 'string' && SECRET_OPTION.test(key)
          ? '[redacted]'
          : value
  }
  return masked as ReturnType<typeof getConfig>
}

/**
 * A new client with `patch` applied over this one's configuration. Both
 * keep sharing the session storage, refreshes in flight and the latest
 * rate-limit figures, so deriving a client per request is cheap and safe.
 *
 * @example
 * const slow = withConfig(client, { timeout: 60_000, retry: 5 })
 * const tagged = withConfig(client, { headers: { 'X-Job': 'nightly-sync' } })
 */
export function withConfig(
  client: Client,
  patch: Partial<ClientConfig>,
): Client {
  const next = buildClient(
    { ...client.config, storage: client.storage, ...patch },
    client.auth,
  )
  return Object.assign(next, { rateLimits: client.rateLimits })
}
