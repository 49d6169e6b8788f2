import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  createClient,
  getContact,
  getContacts,
  getForms,
  getFormsSubmissions,
  getMessages,
  listInvoices,
  searchObjectRecords,
  HighLevelError,
} from '../../src/index'
import { paginate, paginatePages } from '../../src/pagination/index'
import {
  startScriptedServer,
  type Reply,
  type ScriptedServer,
  type SeenRequest,
} from '../pipeline/scripted-server'

let server: ScriptedServer
let other: ScriptedServer
let answer: (request: SeenRequest, index: number) => Reply = () => ({})

beforeAll(async () => {
  server = await startScriptedServer((request, index) => answer(request, index))
  // Stands for another host a next-page URL may name.
  other = await startScriptedServer(() => ({ body: { contacts: [] } }))
})
afterAll(async () => {
  await server.close()
  await other.close()
})
afterEach(() => {
  server.requests.length = 0
})

const client = () =>
  createClient({
    privateIntegrationToken: 'pit-pages',
    baseURL: server.url,
    logLevel: 'silent',
  })

const query = (request: SeenRequest) =>
  Object.fromEntries(new URL(request.url, 'http://local').searchParams)

const ids = (from: number, count: number) =>
  Array.from({ length: count }, (_, index) => ({ id: `c${from + index}` }))

async function collect<T>(iterator: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = []
  for await (const item of iterator) items.push(item)
  return items
}

describe('startAfter / startAfterId (getContacts)', () => {
  beforeAll(() => {
    answer = (request) => {
      const { startAfterId } = query(request)
      if (!startAfterId) {
        return {
          body: {
            contacts: ids(0, 100),
            meta: {
              startAfter: 1700000000000,
              startAfterId: 'c99',
              total: 130,
            },
          },
        }
      }
      return { body: { contacts: ids(100, 30), meta: { total: 130 } } }
    }
  })

  it('page 2 keeps locationId and limit and adds the cursor', async () => {
    const contacts = await collect(
      paginate(getContacts, client(), { locationId: 'loc_123', limit: 100 }),
    )
    expect(contacts).toHaveLength(130)
    expect(server.requests).toHaveLength(2)
    expect(query(server.requests[1]!)).toEqual({
      locationId: 'loc_123',
      limit: '100',
      startAfter: '1700000000000',
      startAfterId: 'c99',
    })
  })

  it('yields pages with their items and the params they were asked with', async () => {
    const pages = await collect(
      paginatePages(getContacts, client(), {
        locationId: 'loc_123',
        limit: 100,
      }),
    )
    expect(pages.map((page) => page.items.length)).toEqual([100, 30])
    expect(pages[1]!.params).toMatchObject({ startAfterId: 'c99' })
  })

  it('`max` caps the items and stops asking for pages', async () => {
    const contacts = await collect(
      paginate(
        getContacts,
        client(),
        { locationId: 'loc_123', limit: 100 },
        { max: 5 },
      ),
    )
    expect(contacts).toEqual(ids(0, 5))
    expect(server.requests).toHaveLength(1)
  })
})

describe('meta.nextPageUrl', () => {
  it('reads the cursor from its query and never requests its host', async () => {
    answer = (request) =>
      query(request).startAfterId
        ? { body: { contacts: ids(2, 1), meta: {} } }
        : {
            body: {
              contacts: ids(0, 2),
              meta: {
                nextPageUrl: `${other.url}/contacts/?locationId=loc_123&startAfter=5&startAfterId=c1`,
              },
            },
          }
    const contacts = await collect(
      paginate(getContacts, client(), { locationId: 'loc_123', limit: 2 }),
    )
    expect(contacts).toHaveLength(3)
    expect(other.requests).toHaveLength(0)
    expect(server.requests).toHaveLength(2)
    expect(query(server.requests[1]!)).toEqual({
      locationId: 'loc_123',
      limit: '2',
      startAfter: '5',
      startAfterId: 'c1',
    })
  })
})

describe('lastMessageId (getMessages)', () => {
  it('follows lastMessageId until nextPage is false', async () => {
    answer = (request) =>
      query(request).lastMessageId === 'm1'
        ? {
            body: {
              messages: [{ id: 'm2' }],
              lastMessageId: 'm2',
              nextPage: false,
            },
          }
        : {
            body: {
              messages: [{ id: 'm0' }, { id: 'm1' }],
              lastMessageId: 'm1',
              nextPage: true,
            },
          }
    const messages = await collect(
      paginate(getMessages, client(), { conversationId: 'conv_1' }),
    )
    expect(messages).toEqual([{ id: 'm0' }, { id: 'm1' }, { id: 'm2' }])
    expect(server.requests[1]!.url).toBe(
      '/conversations/conv_1/messages?lastMessageId=m1',
    )
  })
})

describe('skip, offset and page numbers', () => {
  it('skip/limit advances skip by the items received (getForms)', async () => {
    answer = (request) => {
      const skip = Number(query(request).skip ?? 0)
      return { body: { forms: ids(skip, skip < 4 ? 2 : 1), total: 5 } }
    }
    const forms = await collect(
      paginate(getForms, client(), { locationId: 'loc_1', limit: 2 }),
    )
    expect(forms).toHaveLength(5)
    expect(server.requests.map((request) => query(request).skip)).toEqual([
      undefined,
      '2',
      '4',
    ])
  })

  it('offset/limit stops at the declared total (listInvoices)', async () => {
    answer = (request) => {
      const offset = Number(query(request).offset ?? 0)
      return { body: { invoices: ids(offset, 2), total: 4 } }
    }
    const invoices = await collect(
      paginate(listInvoices, client(), {
        altId: 'loc_1',
        altType: 'location',
        limit: '2',
        offset: '0',
      }),
    )
    expect(invoices).toHaveLength(4)
    expect(server.requests).toHaveLength(2)
    expect(query(server.requests[1]!)).toMatchObject({
      altId: 'loc_1',
      offset: '2',
      limit: '2',
    })
  })

  it('page/limit counts pages up from 1 and stops on a short page', async () => {
    answer = (request) => {
      const page = Number(query(request).page ?? 1)
      return {
        body: { submissions: ids(page * 10, page < 3 ? 2 : 1), meta: {} },
      }
    }
    const submissions = await collect(
      paginate(getFormsSubmissions, client(), {
        locationId: 'loc_1',
        limit: 2,
      }),
    )
    expect(submissions).toHaveLength(5)
    expect(server.requests.map((request) => query(request).page)).toEqual([
      undefined,
      '2',
      '3',
    ])
  })

  it('stops on an empty page', async () => {
    answer = (request) =>
      query(request).skip
        ? { body: { forms: [] } }
        : { body: { forms: ids(0, 3) } }
    const forms = await collect(
      paginate(getForms, client(), { locationId: 'loc_1' }),
    )
    expect(forms).toHaveLength(3)
    expect(server.requests).toHaveLength(2)
  })
})

describe('when it stops', () => {
  it('a full page without a cursor is the last: one request', async () => {
    answer = () => ({ body: { contacts: ids(0, 2), meta: { total: 10 } } })
    const contacts = await collect(
      paginate(getContacts, client(), { locationId: 'loc_123', limit: 2 }),
    )
    expect(contacts).toEqual(ids(0, 2))
    expect(server.requests).toHaveLength(1)
  })

  it('a short first page is not taken as the last: the API may cap `limit`', async () => {
    // Asked for 100, the API gives 30 a page: 30 is the real page size,
    // and only a page shorter than that ends the list.
    answer = (request) => {
      const skip = Number(query(request).skip ?? 0)
      return { body: { forms: ids(skip, skip < 60 ? 30 : 5) } }
    }
    const forms = await collect(
      paginate(getForms, client(), { locationId: 'loc_1', limit: 100 }),
    )
    expect(forms).toHaveLength(65)
    expect(server.requests.map((request) => query(request).skip)).toEqual([
      undefined,
      '30',
      '60',
    ])
  })

  it('a list that fits in one short page costs one extra request', async () => {
    answer = (request) => ({
      body: { forms: query(request).skip ? [] : ids(0, 3) },
    })
    const forms = await collect(
      paginate(getForms, client(), { locationId: 'loc_1', limit: 100 }),
    )
    expect(forms).toHaveLength(3)
    expect(server.requests).toHaveLength(2)
  })
})

describe('mistakes are reported before anything is sent', () => {
  it('a function that does not page', async () => {
    const iterator = paginate(getContact as never, client(), {
      contactId: 'c1',
    })
    const error = await iterator.next().catch((error: unknown) => error)
    expect(error).toBeInstanceOf(HighLevelError)
    expect((error as HighLevelError).code).toBe('invalid_input')
    expect(server.requests).toHaveLength(0)
  })

  it('a function taking params and a body, unwrapped', async () => {
    const iterator = paginate(searchObjectRecords as never, client(), {})
    await expect(iterator.next()).rejects.toThrow(/wrap it/)
    expect(server.requests).toHaveLength(0)
  })
})
