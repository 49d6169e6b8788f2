import type { Client } from '../client/types'
import { HighLevelError, type HighLevelErrorCode } from './error'

export interface SendOptions {
  /** Function name for error messages, or `request` for raw calls. */
  operation: string
  method: string
  /** Path and query, appended to the client's base URL. */
  path: string
  headers: Record<string, string>
  body?: BodyInit
  responseType?: 'text' | 'blob'
  timeout?: number
  signal?: AbortSignal
}

export interface SendResult {
  status: number
  headers: Headers
  data: unknown
}

/**
 * Sends one request with the client's `fetch` and turns every failure into
 * a `HighLevelError`. Bodies are read as text and parsed here, so an empty
 * body is `undefined` and a 2xx body that is not JSON is an error.
 */
export async function sendRequest(
  client: Client,
  options: SendOptions,
): Promise<SendResult> {
  const url = client.config.baseURL + options.path
  const context = { operation: options.operation, method: options.method, url }
  const fail = (
    message: string,
    code: HighLevelErrorCode,
    extra?: Partial<HighLevelError>,
    cause?: unknown,
  ) =>
    new HighLevelError(
      `${options.operation}: ${options.method} ${url} ${message}`,
      {
        ...context,
        ...extra,
        code,
        cause,
      },
    )

  const signals = [options.signal]
  if (options.timeout) signals.push(AbortSignal.timeout(options.timeout))
  const signal = anySignal(signals)

  let response: Response
  let text: string | Blob
  try {
    response = await client.fetch(url, {
      method: options.method,
      headers: options.headers,
      body: options.body,
      signal,
    })
    text =
      response.ok && options.responseType === 'blob'
        ? await response.blob()
        : await response.text()
  } catch (cause) {
    const reason = signal?.aborted ? signal.reason : cause
    if ((reason as Error | undefined)?.name === 'TimeoutError') {
      throw fail(`timed out after ${options.timeout} ms`, 'timeout', {}, cause)
    }
    if (signal?.aborted) throw fail('was aborted', 'aborted', {}, reason)
    throw fail('could not be sent', 'network', {}, cause)
  }

  const status = response.status
  const headers = headersToObject(response.headers)
  if (!response.ok) {
    const body = parseErrorBody(text as string)
    const detail = describeBody(body)
    throw fail(
      `failed with ${status}${detail ? `: ${detail}` : ''}`,
      codeForStatus(status, response.headers),
      { status, body, headers },
    )
  }

  let data: unknown = text
  if (options.responseType === undefined) {
    try {
      data = text === '' ? undefined : JSON.parse(text as string)
    } catch (cause) {
      throw fail(
        `answered ${status} with a body that is not JSON`,
        'invalid_response',
        {
          status,
          body: text,
          headers,
        },
        cause,
      )
    }
  }
  return { status, headers: response.headers, data }
}

/** One signal that aborts when any of the given ones does. */
function anySignal(
  signals: (AbortSignal | undefined)[],
): AbortSignal | undefined {
  const present = signals.filter((signal): signal is AbortSignal => !!signal)
  if (present.length < 2) return present[0]
  const controller = new AbortController()
  for (const signal of present) {
    if (signal.aborted) {
      controller.abort(signal.reason)
      break
    }
    signal.addEventListener('abort', () => controller.abort(signal.reason), {
      once: true,
    })
  }
  return controller.signal
}

function parseErrorBody(text: string): unknown {
  if (text === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

function describeBody(body: unknown): string {
  if (typeof body === 'string') return body.slice(0, 200)
  const message = (body as { message?: unknown } | undefined)?.message
  if (typeof message === 'string') return message
  if (Array.isArray(message)) return message.join('; ')
  return ''
}

function codeForStatus(status: number, headers: Headers): HighLevelErrorCode {
  if (status === 401) return 'unauthorized'
  if (status === 403) return 'forbidden'
  if (status === 404) return 'not_found'
  if (status === 409) return 'conflict'
  if (status === 400 || status === 422) return 'validation'
  if (status === 429) {
    return headers.get('x-ratelimit-daily-remaining') === '0'
      ? 'daily_limit'
      : 'rate_limited'
  }
  if (status >= 500) return 'server'
  return 'http'
}

function headersToObject(headers: Headers): Record<string, string> {
  const result: Record<string, string> = {}
  headers.forEach((value, key) => {
    result[key] = value
  })
  return result
}
