import { createTokenResolver } from '../auth/create-token-resolver'
import { buildClient } from './build-client'
import type { Client, ClientConfig } from './types'

export { DEFAULT_BASE_URL } from './build-client'

/**
 * Creates the plain object every operation function takes first. It holds
 * the config, the token resolver and the fetch function; nothing else is built.
 *
 * @example
 * const client = createClient({ privateIntegrationToken: process.env.HL_TOKEN })
 * const { contact } = await getContact(client, { contactId: 'abc' })
 */
export function createClient(config: ClientConfig): Client {
  return buildClient(config, createTokenResolver())
}
