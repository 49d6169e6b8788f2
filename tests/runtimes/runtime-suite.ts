import { describe, expect, inject, it } from 'vitest'
import {
  createClient,
  getContact,
  HighLevelError,
  uploadMediaContent,
} from '../../src/index'
import { REPLY_HEADER, type ReceivedRequest } from '../core/echo-server'

/**
 * The behaviours every runtime must keep, written once and run in Node,
 * workerd and the edge runtime against the echo server of global-setup.ts.
 */
export function describeRuntimeSuite(runtime: string) {
  describe(`core on ${runtime}`, () => {
    const client = createClient({
      privateIntegrationToken: 'pit-runtime',
      baseURL: inject('echoServerURL'),
    })
    const echo = async () =>
      (await getContact(client, { contactId: 'c 1' })) as ReceivedRequest

    it('sends the token as a bearer Authorization header', async () => {
      expect((await echo()).headers.authorization).toBe('Bearer pit-runtime')
    })

    it("sends the operation's Version header", async () => {
      expect((await echo()).headers.version).toBe('2021-07-28')
    })

    it('percent-encodes the path parameter', async () => {
      expect((await echo()).url).toBe('/contacts/c%201')
    })

    it('uploads a file as multipart/form-data the server can parse', async () => {
      const form = new FormData()
      form.append('file', new Blob(['hello'], { type: 'text/plain' }), 'a.txt')
      const echoed = (await uploadMediaContent(
        client,
        form,
      )) as unknown as ReceivedRequest

      expect(echoed.form).toEqual({
        file: { filename: 'a.txt', type: 'text/plain', size: 5, text: 'hello' },
      })
    })

    it('rejects a 404 with a HighLevelError carrying status and body', async () => {
      const error = await getContact(
        client,
        { contactId: 'missing' },
        { headers: { [REPLY_HEADER]: 'status:404' } },
      ).catch((error: unknown) => error)

      expect(error).toBeInstanceOf(HighLevelError)
      expect(error).toMatchObject({
        code: 'not_found',
        status: 404,
        body: { statusCode: 404, message: 'reply 404' },
      })
    })
  })
}
