import { describe, expect, it } from 'vitest'
import { memoryStorage } from '../../src/index'

describe('memoryStorage', () => {
  it('reads back what was set', async () => {
    const storage = memoryStorage()

    await storage.set('k', { access_token: 'a' })

    expect(await storage.get('k')).toEqual({ access_token: 'a' })
  })

  it('gives undefined after delete', async () => {
    const storage = memoryStorage()
    await storage.set('k', 1)

    await storage.delete('k')

    expect(await storage.get('k')).toBeUndefined()
  })

  it('drops an entry whose ttl has passed', async () => {
    const storage = memoryStorage()

    await storage.set('k', 1, { ttl: -1 })

    expect(await storage.get('k')).toBeUndefined()
  })

  it('keeps two stores apart', async () => {
    const first = memoryStorage()
    const second = memoryStorage()

    await first.set('k', 1)

    expect(await second.get('k')).toBeUndefined()
  })
})
