import {
  startScriptedServer,
  type ScriptedServer,
} from '../pipeline/scripted-server'

export interface RateLimitServer extends ScriptedServer {
  /** Requests refused with 429 so far. */
  refused: number
  /** Most requests of one location seen inside any one window. */
  busiest: number
}

/**
 * A local server that enforces a burst limit the way HighLevel documents
 * it: `max` requests per `interval` ms per location (a sliding window over
 * arrival times), 429 beyond, and the `X-RateLimit-*` headers on every
 * answer.
 */
export async function startRateLimitServer(
  max: number,
  interval: number,
): Promise<RateLimitServer> {
  const arrivals = new Map<string, number[]>()
  const state = { refused: 0, busiest: 0 }
  const server = await startScriptedServer((request) => {
    const location =
      new URL(request.url, 'http://local').searchParams.get('locationId') ?? ''
    const now = Date.now()
    const recent = (arrivals.get(location) ?? []).filter(
      (time) => time > now - interval,
    )
    recent.push(now)
    arrivals.set(location, recent)
    state.busiest = Math.max(state.busiest, recent.length)
    const headers = {
      'x-ratelimit-max': String(max),
      'x-ratelimit-remaining': String(Math.max(0, max - recent.length)),
      'x-ratelimit-interval-milliseconds': String(interval),
      'x-ratelimit-limit-daily': '200000',
      'x-ratelimit-daily-remaining': '199000',
    }
    if (recent.length > max) {
      state.refused++
      return { status: 429, headers, body: { message: 'Too many requests' } }
    }
    return { headers, body: { contacts: [], meta: {} } }
  })
  return {
    ...server,
    get refused() {
      return state.refused
    },
    get busiest() {
      return state.busiest
    },
  }
}
