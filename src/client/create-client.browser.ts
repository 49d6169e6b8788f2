import { createStaticTokenResolver } from '../auth/create-static-token-resolver'
import { buildClient } from './build-client'
import type { Client, ClientConfig } from './types'

/**
 * `createClient` of the browser build (the `browser` export condition):
 * the same client for private integration, location and agency tokens.
 * An OAuth app's client secret must stay on a server, where its sessions
 * are refreshed, so `clientId` and `clientSecret` are refused here.
 *
 * @example
 * const client = createClient({ locationAccessToken: tokenFromMyServer })
 * const { contact } = await getContact(client, { contactId: 'abc' })
 */
export function createClient(config: ClientConfig): Client {
  return buildClient(config, createStaticTokenResolver())
}
