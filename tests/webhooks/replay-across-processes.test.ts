import { createClient as createRedisClient } from 'redis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient } from '../../src/index'
import { redisStorage } from '../../src/storage/redis'
import { processWebhook } from '../../src/webhooks/index'
import { findRedisServer, useRedisServer } from '../storage/redis-server'
import {
  createContactPayload,
  createTestSigner,
  type TestSigner,
} from './signing'

const redisServer = findRedisServer()
if (!redisServer.available) console.warn(`skipped: ${redisServer.reason}`)

describe.runIf(redisServer.available)(
  'replay protection across processes',
  () => {
    const redis = useRedisServer()
    const connections: Awaited<ReturnType<typeof connect>>[] = []
    const connect = () => createRedisClient({ url: redis.url() }).connect()
    let signer: TestSigner

    beforeAll(async () => {
      signer = await createTestSigner({ rsa: false })
    })
    afterAll(async () => {
      for (const connection of connections) await connection.quit()
    })

    /** A client as a separate process would build it: its own connection. */
    async function createInstance() {
      const connection = await connect()
      connections.push(connection)
      return createClient({
        privateIntegrationToken: 'pit-redis',
        storage: redisStorage(connection, { prefix: 'webhooks-test:' }),
        logLevel: 'silent',
      })
    }

    it('runs the handler once when two instances get the same delivery at once', async () => {
      const [first, second] = [await createInstance(), await createInstance()]
      const body = JSON.stringify(createContactPayload())
      const delivery = {
        body,
        headers: { 'x-ghl-signature': await signer.signEd25519(body) },
      }
      let runs = 0
      const handlers = {
        '*': async () => {
          runs++
          await new Promise((resolve) => setTimeout(resolve, 50))
        },
      }
      const options = { publicKeys: { ed25519: signer.publicKeys.ed25519 } }

      const outcomes = await Promise.all([
        processWebhook(first, delivery, handlers, options),
        processWebhook(second, delivery, handlers, options),
      ])
      expect(runs).toBe(1)
      expect(outcomes.map((outcome) => outcome.status).sort()).toEqual([
        200, 409,
      ])

      const later = await processWebhook(second, delivery, handlers, options)
      expect(later).toEqual({ status: 409, reason: 'duplicate' })
      expect(runs).toBe(1)
    })
  },
)
