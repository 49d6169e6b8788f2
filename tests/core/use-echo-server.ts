import { afterAll, beforeAll } from 'vitest'
import { createClient, type Client, type ClientConfig } from '../../src/index'
import {
  startEchoServer,
  type EchoServer,
  type ReceivedRequest,
} from './echo-server'

export { REPLY_HEADER } from './echo-server'
export type { ReceivedRequest } from './echo-server'

/**
 * Starts an echo server for the test file that calls it and hands out
 * clients pointed at it.
 */
export function useEchoServer() {
  let server: EchoServer | undefined
  beforeAll(async () => {
    server = await startEchoServer()
  })
  afterAll(() => server?.close())

  const running = () => {
    if (!server) throw new Error('the echo server has not started yet')
    return server
  }
  return {
    get url() {
      return running().url
    },
    get requests(): ReceivedRequest[] {
      return running().requests
    },
    /** The request the server received last. */
    lastRequest(): ReceivedRequest {
      const request = running().requests.at(-1)
      if (!request) throw new Error('the echo server received no request')
      return request
    },
    /** A client on the echo server with a private integration token. */
    createTestClient(config: Partial<ClientConfig> = {}): Client {
      return createClient({
        privateIntegrationToken: 'pit-test',
        baseURL: running().url,
        ...config,
      })
    },
  }
}
