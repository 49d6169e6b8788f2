import { describe, expect, it } from 'vitest'
import {
  listInstalledLocations,
  memoryStorage,
  writeSession,
} from '../../src/index'
import { useTokenServer } from '../auth/token-server'

describe('listInstalledLocations', () => {
  const server = useTokenServer()

  it('follows the pages until count locations are listed', async () => {
    const all = Array.from({ length: 45 }, (_, index) => ({
      _id: `loc_${index}`,
      name: `Location ${index}`,
      address: '',
    }))
    server.answerApi = (request) => {
      const query = new URL(request.path, 'http://x').searchParams
      const skip = Number(query.get('skip'))
      // The API caps pages at 20 whatever the limit asks.
      return {
        status: 200,
        body: { locations: all.slice(skip, skip + 20), count: all.length },
      }
    }
    const client = server.createOAuthClient({ storage: memoryStorage() })
    await writeSession(client, 'co_1', {
      access_token: 'valid-agency',
      expire_at: Date.now() + 3_600_000,
      userType: 'Company',
    })

    const locations = await listInstalledLocations(client, {
      companyId: 'co_1',
      isInstalled: true,
    })

    expect(locations.map((location) => location._id)).toEqual(
      all.map((location) => location._id),
    )
    const first = new URL(server.requests[0].path, 'http://x').searchParams
    expect(Object.fromEntries(first)).toMatchObject({
      companyId: 'co_1',
      appId: 'app1',
      isInstalled: 'true',
      skip: '0',
    })
    expect(server.requests[0].authorization).toBe('Bearer valid-agency')
  })
})
