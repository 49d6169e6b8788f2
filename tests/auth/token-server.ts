import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach } from 'vitest'
import {
  createClient,
  type ClientConfig,
  type OAuthSession,
} from '../../src/index'

export interface ReceivedRequest {
  method: string
  path: string
  authorization?: string
  contentType?: string
  form?: URLSearchParams
}

export type Reply = { status: number; body: unknown } | undefined

/**
 * A local stand-in for HighLevel's token endpoints and API. `/oauth/token`
 * rotates refresh tokens and refuses one used twice, as HighLevel does;
 * the API accepts only access tokens it issued (or `valid-*` ones).
 */
export interface TokenServer {
  url: string
  requests: ReceivedRequest[]
  /** Forms POSTed to `/oauth/token`. */
  tokenRequests(): ReceivedRequest[]
  locationTokenRequests(): ReceivedRequest[]
  apiRequests(): ReceivedRequest[]
  /** Overrides the answer of `/oauth/token`; `undefined` falls through. */
  answerToken?: (form: URLSearchParams) => Reply
  /** Overrides the answer of every API path. */
  answerApi?: (request: ReceivedRequest) => Reply
  /** A client pointed at this server with app `app1`. */
  createOAuthClient(
    config?: Partial<ClientConfig>,
  ): ReturnType<typeof createClient>
}

export async function startTokenServer(): Promise<
  TokenServer & { close(): Promise<void>; reset(): void }
> {
  let issued = 0
  const usedRefreshTokens = new Set<string>()
  const validTokens = new Set<string>()
  const state = {
    url: '',
    requests: [] as ReceivedRequest[],
    answerToken: undefined as TokenServer['answerToken'],
    answerApi: undefined as TokenServer['answerApi'],
  }

  const issue = (extra: Record<string, unknown>) => {
    issued++
    const access = `access-${issued}`
    validTokens.add(access)
    return {
      access_token: access,
      token_type: 'Bearer',
      expires_in: 86399,
      scope: 'calendars.readonly contacts.readonly',
      userId: 'user_1',
      ...extra,
    }
  }

  const handle = async (message: IncomingMessage): Promise<Reply> => {
    const chunks: Buffer[] = []
    for await (const chunk of message) chunks.push(chunk as Buffer)
    const text = Buffer.concat(chunks).toString()
    const url = new URL(message.url ?? '/', 'http://localhost')
    const request: ReceivedRequest = {
      method: message.method ?? 'GET',
      path: url.pathname + url.search,
      authorization: message.headers.authorization,
      contentType: message.headers['content-type'],
    }
    if (request.contentType?.includes('x-www-form-urlencoded')) {
      request.form = new URLSearchParams(text)
    }
    state.requests.push(request)

    if (url.pathname === '/oauth/token') {
      const form = request.form ?? new URLSearchParams()
      const answer = state.answerToken?.(form)
      if (answer) return answer
      // Slow enough that concurrent callers overlap with the request.
      await new Promise((resolve) => setTimeout(resolve, 30))
      const grant = form.get('grant_type')
      if (grant === 'refresh_token') {
        const refreshToken = form.get('refresh_token') ?? ''
        if (usedRefreshTokens.has(refreshToken)) {
          return {
            status: 400,
            body: {
              error: 'invalid_grant',
              error_description: 'Invalid grant: refresh token is invalid',
            },
          }
        }
        usedRefreshTokens.add(refreshToken)
      }
      const userType = form.get('user_type') ?? 'Location'
      return {
        status: 200,
        body: issue({
          refresh_token: `refresh-${issued + 1}`,
          userType,
          companyId: 'co_1',
          ...(userType === 'Location' ? { locationId: 'loc_1' } : {}),
        }),
      }
    }
    if (url.pathname === '/oauth/locationToken') {
      const token = request.authorization?.replace('Bearer ', '') ?? ''
      if (!validTokens.has(token) && !token.startsWith('valid-')) {
        return { status: 401, body: { message: 'Invalid JWT' } }
      }
      // Documented response: no companyId, no userType, no refresh token.
      return {
        status: 200,
        body: issue({ locationId: request.form?.get('locationId') }),
      }
    }

    const answer = state.answerApi?.(request)
    if (answer) return answer
    const token = request.authorization?.replace('Bearer ', '') ?? ''
    return validTokens.has(token) || token.startsWith('valid-')
      ? { status: 200, body: { ok: true } }
      : { status: 401, body: { statusCode: 401, message: 'Invalid JWT' } }
  }

  const server: Server = createServer((message, response) => {
    handle(message).then((reply) => {
      response.writeHead(reply?.status ?? 404, {
        'content-type': 'application/json',
      })
      response.end(JSON.stringify(reply?.body ?? {}))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const only = (test: (path: string) => boolean) => () =>
    state.requests.filter((request) => test(request.path))
  return Object.assign(state, {
    tokenRequests: only((path) => path === '/oauth/token'),
    locationTokenRequests: only((path) => path === '/oauth/locationToken'),
    apiRequests: only((path) => !path.startsWith('/oauth/')),
    createOAuthClient(config: Partial<ClientConfig> = {}) {
      return createClient({
        clientId: 'app1-suffix',
        clientSecret: 'secret-1',
        baseURL: state.url,
        logLevel: 'silent',
        ...config,
      })
    },
    reset() {
      state.requests.length = 0
      usedRefreshTokens.clear()
      state.answerToken = undefined
      state.answerApi = undefined
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  })
}

/** Starts the token server for one test file; resets it between tests. */
export function useTokenServer(): TokenServer {
  let server: Awaited<ReturnType<typeof startTokenServer>> | undefined
  beforeAll(async () => {
    server = await startTokenServer()
  })
  beforeEach(() => server?.reset())
  afterAll(() => server?.close())
  return new Proxy({} as TokenServer, {
    get: (_, key) => {
      if (!server) throw new Error('the token server has not started yet')
      return Reflect.get(server, key)
    },
    set: (_, key, value) => Reflect.set(server!, key, value),
  })
}

/** A session whose access token has expired, as stored by an install. */
export function expiredSession(
  overrides: Record<string, unknown> = {},
): OAuthSession {
  return {
    access_token: 'old-access',
    refresh_token: 'refresh-old',
    token_type: 'Bearer',
    expires_in: 86399,
    expire_at: Date.now() - 1000,
    userType: 'Location',
    companyId: 'co_1',
    locationId: 'loc_1',
    userId: 'user_1',
    ...overrides,
  }
}
