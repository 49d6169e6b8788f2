// Hand-written placeholder; replaced by `npm run generate`.
import type { Client, RequestOptions } from '../client/types'
import { callOperation } from '../core/call-operation'
import type { Operation } from '../core/operation'

export interface GetContactParams {
  /** Contact Id */
  contactId: string
}

const getContactOperation: Operation = {
  id: 'getContact',
  method: 'GET',
  path: '/contacts/{contactId}',
  version: '2021-07-28',
  security: ['bearer'],
  params: { contactId: { in: 'path', required: true } },
}

/**
 * Get Contact
 *
 * `GET /contacts/{contactId}` · scopes: `contacts.readonly`
 *
 * @see https://marketplace.gohighlevel.com/docs/ghl/contacts/get-contact
 */
export function getContact(
  client: Client,
  params: GetContactParams,
  options?: RequestOptions,
): Promise<unknown> {
  return callOperation(
    client,
    getContactOperation,
    params as never,
    undefined,
    options,
  )
}
