import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

/** What the fake HighLevel token server saw and answers. */
export interface TokenServer {
  url: string
  /** Location ids `/oauth/installedLocations` lists. */
  installedLocations: string[]
  /** Location ids minted, in order, with the bearer token used. */
  minted: { locationId: string; authorization?: string }[]
  /** Answer `/oauth/locationToken` with this status instead of a token. */
  failMinting?: number
  /**
   * Locations each company owns; when set, minting a location for a
   * company that does not own it gets 400, as HighLevel refuses it.
   */
  companyLocations?: Record<string, string[]>
  close(): Promise<void>
}

async function readBody(request: IncomingMessage): Promise<string> {
  let text = ''
  for await (const chunk of request) text += chunk
  return text
}

/**
 * A local stand-in for HighLevel's OAuth endpoints the app lifecycle
 * uses: `POST /oauth/locationToken`, `GET /oauth/installedLocations`, and
 * `POST /oauth/token` for a code exchange (the code is the company id);
 * `GET /contacts/` answers with the `Authorization` header it got.
 */
export async function startTokenServer(): Promise<TokenServer> {
  const state: Omit<TokenServer, 'url' | 'close'> = {
    installedLocations: [],
    minted: [],
  }
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' })
      response.end(JSON.stringify(body))
    }

    if (request.method === 'POST' && url.pathname === '/oauth/locationToken') {
      const form = new URLSearchParams(await readBody(request))
      const locationId = form.get('locationId') ?? ''
      if (state.failMinting) {
        return reply(state.failMinting, { message: 'unavailable' })
      }
      const owned = state.companyLocations?.[form.get('companyId') ?? '']
      if (state.companyLocations && !owned?.includes(locationId)) {
        return reply(400, { message: 'Location not found in this company' })
      }
      state.minted.push({
        locationId,
        authorization: request.headers.authorization,
      })
      return reply(200, {
        access_token: `location-token-${locationId}`,
        token_type: 'Bearer',
        expires_in: 86_399,
        refresh_token: `location-refresh-${locationId}`,
        scope: 'contacts.readonly',
        locationId,
        userId: 'user_1',
      })
    }
    if (request.method === 'POST' && url.pathname === '/oauth/token') {
      const form = new URLSearchParams(await readBody(request))
      if (form.get('grant_type') !== 'authorization_code') {
        return reply(400, { error: 'unsupported_grant_type' })
      }
      return reply(200, {
        access_token: `company-token-${form.get('code')}`,
        token_type: 'Bearer',
        expires_in: 86_399,
        refresh_token: 'company-refresh',
        userType: 'Company',
        companyId: form.get('code'),
      })
    }
    if (
      request.method === 'GET' &&
      url.pathname === '/oauth/installedLocations'
    ) {
      const skip = Number(url.searchParams.get('skip') ?? 0)
      const limit = Number(url.searchParams.get('limit') ?? 20)
      return reply(200, {
        locations: state.installedLocations
          .slice(skip, skip + limit)
          .map((id) => ({ _id: id, name: id, address: '', isInstalled: true })),
        count: state.installedLocations.length,
      })
    }
    if (request.method === 'GET' && url.pathname === '/contacts/') {
      // Stands in for any API call: says which token it was sent with.
      return reply(200, { authorization: request.headers.authorization })
    }
    reply(404, { message: `no route ${request.method} ${url.pathname}` })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      ),
  })
}
