// Stand-ins with the shape of the generated functions, used until the
// generator's output lands in src/operations.
import {
  callOperation,
  type Client,
  type Operation,
  type RequestOptions,
} from '../../src/index'

type Params = Record<string, unknown>

function define(operation: Operation, takesParams: boolean) {
  if (takesParams) {
    return (client: Client, params?: Params, ...rest: unknown[]) => {
      const [body, options] = operation.body ? rest : [undefined, rest[0]]
      return callOperation<unknown>(
        client,
        operation,
        params,
        body,
        options as RequestOptions | undefined,
      )
    }
  }
  return (client: Client, body?: unknown, options?: RequestOptions) =>
    callOperation<unknown>(client, operation, undefined, body, options)
}

export const getCalendars = define(
  {
    id: 'getCalendars',
    method: 'GET',
    path: '/calendars/',
    version: '2021-04-15',
    security: ['bearer'],
    params: {
      locationId: { in: 'query', required: true },
      groupId: { in: 'query' },
      showDrafted: { in: 'query' },
    },
  },
  true,
)

export const getFunnels = define(
  {
    id: 'getFunnels',
    method: 'GET',
    path: '/funnels/funnel/list',
    version: '2021-07-28',
    security: ['Location-Access'],
    params: { locationId: { in: 'query', required: true } },
  },
  true,
)

export const getCustomFields = define(
  {
    id: 'getCustomFields',
    method: 'GET',
    path: '/locations/{locationId}/customFields',
    version: '2021-07-28',
    security: ['bearer'],
    params: {
      locationId: { in: 'path', required: true },
      model: { in: 'query' },
    },
  },
  true,
)

export const getSlots = define(
  {
    id: 'getSlots',
    method: 'GET',
    path: '/calendars/{calendarId}/free-slots',
    version: '2021-04-15',
    security: ['bearer'],
    params: {
      calendarId: { in: 'path', required: true },
      startDate: { in: 'query', required: true },
      endDate: { in: 'query', required: true },
      userIds: { in: 'query' },
    },
  },
  true,
)

export const searchOpportunity = define(
  {
    id: 'searchOpportunity',
    method: 'GET',
    path: '/opportunities/search',
    version: '2021-07-28',
    security: ['bearer'],
    params: {
      locationId: { in: 'query', name: 'location_id', required: true },
      getTasks: { in: 'query' },
      getNotes: { in: 'query' },
    },
  },
  true,
)

export const createContact = define(
  {
    id: 'createContact',
    method: 'POST',
    path: '/contacts/',
    version: '2021-07-28',
    security: ['bearer'],
    body: 'json',
    bodyRequired: true,
  },
  false,
)

export const uploadMediaContent = define(
  {
    id: 'uploadMediaContent',
    method: 'POST',
    path: '/medias/upload-file',
    version: '2021-07-28',
    security: ['Location-Access'],
    body: 'multipart',
  },
  false,
)

export const getAccessToken = define(
  {
    id: 'getAccessToken',
    method: 'POST',
    path: '/oauth/token',
    security: [],
    body: 'form',
  },
  false,
)
