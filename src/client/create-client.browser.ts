import { createStaticTokenResolver } from '../auth/create-static-token-resolver'
import { HighLevelError } from '../core/error'
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
  if (config?.clientId || config?.clientSecret) {
    throw new HighLevelError(
      'createClient: clientId and clientSecret are for servers (anyone can ' +
        'read a secret shipped to a browser); in a browser, pass a ' +
        'locationAccessToken your server got from the OAuth session',
      { code: 'invalid_config' },
    )
  }
  return buildClient(config, createStaticTokenResolver())
}
