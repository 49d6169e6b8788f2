import type { Client } from '../client/types'
import { HighLevelError, type HighLevelErrorCode } from './error'
import { callHooks, type HookContext, type Hooks } from './hooks'
import type { Operation } from './operation'
import { readRateLimits } from './rate-limits'
import { redact } from './redact'
import {
  getRetryDelay,
  isRetryable,
  sleep,
  toRetryOptions,
  type RetryOption,
} from './retry'

export interface SendOptions {
  /** Function name for error messages, or `request` for raw calls. */
  operation: string
  /** The operation's metadata, shown to hooks. */
  definition?: Operation
  method: string
  /** Path and query, appended to the client's base URL. */
  path: string
  headers: Record<string, string>
  body?: BodyInit
  responseType?: 'text' | 'blob'
  /** Milliseconds for the whole call, retries and their waits included. */
  timeout?: number
  signal?: AbortSignal
  /** Per-call retry rule, over the client's. */
  retry?: RetryOption
  /** Per-call hooks, run after the client's. */
  hooks?: Hooks
  /** Location or company id the call counts against for rate limits. */
  resource?: string
}

export interface SendResult {
  status: number
  headers: Headers
  data: unknown
}

/**
 * Sends a request with the client's `fetch`, retrying what is safe to
 * retry, and turns every failure into a `HighLevelError`. Bodies are read
 * as text and parsed here, so an empty body is `undefined` and a 2xx body
 * that is not JSON is an error.
 */
export async function sendRequest(
  client: Client,
  options: SendOptions,
): Promise<SendResult> {
  const { config, logger } = client
  const { operation, method, hooks } = options
  const retry = {
    ...toRetryOptions(config.retry),
    ...toRetryOptions(options.retry),
  }
  const signal = anySignal([
    options.signal,
    options.timeout ? AbortSignal.timeout(options.timeout) : undefined,
  ])
  const resource = options.resource ?? ''
  // The token itself, so an error body that echoes it is masked too.
  const secret = /^Bearer (.+)/.exec(options.headers.Authorization ?? '')?.[1]

  for (let attempt = 1; ; attempt++) {
    const context: HookContext = {
      request: config.baseURL + options.path,
      options: {
        method,
        headers: new Headers(options.headers),
        body: options.body,
      },
      operation,
      definition: options.definition,
      attempt,
    }
    await callHooks('onRequest', context, config, hooks)
    const url = withQuery(context.request, context.options.query)
    const fail = (
      message: string,
      code: HighLevelErrorCode,
      extra?: Partial<HighLevelError>,
      cause?: unknown,
    ) =>
      new HighLevelError(`${operation}: ${method} ${url} ${message}`, {
        operation,
        method,
        url,
        ...extra,
        code,
        cause,
      })
    const aborted = (reason: unknown) =>
      (reason as Error | undefined)?.name === 'TimeoutError'
        ? fail(`timed out after ${options.timeout} ms`, 'timeout', {}, reason)
        : fail('was aborted', 'aborted', {}, reason)

    const started = Date.now()
    let response: Response | undefined
    let text: string | Blob = ''
    let error: HighLevelError | undefined
    let release: (() => void) | undefined
    try {
      release = await config.rateLimiter?.acquire(resource, signal)
      response = await client.fetch(url, { ...context.options, signal })
      text =
        response.ok && options.responseType === 'blob'
          ? await response.blob()
          : await response.text()
    } catch (cause) {
      const system = (cause as { cause?: { code?: string } })?.cause?.code
      error = signal?.aborted
        ? aborted(signal.reason)
        : fail(
            `could not be sent${system ? ` (${system})` : ''}`,
            'network',
            { networkCode: system },
            cause,
          )
      context.error = error
      await callHooks('onRequestError', context, config, hooks)
      if (signal?.aborted) throw error
    } finally {
      release?.()
    }

    const status = response?.status
    if (response) {
      const info = readRateLimits(response.headers)
      if (info) {
        client.rateLimits?.set(resource, info)
        config.rateLimiter?.update(resource, info)
      }
      if (response.ok) {
        let data: unknown = text
        if (options.responseType === undefined) {
          try {
            data = text === '' ? undefined : JSON.parse(text as string)
          } catch (cause) {
            error = fail(
              `answered ${status} with a body that is not JSON`,
              'invalid_response',
              {
                status,
                body: redact(text, [secret]),
                headers: toObject(response.headers),
              },
              cause,
            )
          }
        }
        context.response = Object.assign(response, { _data: data })
        await callHooks('onResponse', context, config, hooks)
        if (!error) {
          log(client, context, url, started)
          return { status: response.status, headers: response.headers, data }
        }
      } else {
        const body = redact(parseErrorBody(text as string), [secret])
        const detail = describeBody(body)
        error = fail(
          `failed with ${status}${detail ? `: ${detail}` : ''}`,
          codeForStatus(response),
          { status, body, headers: toObject(response.headers) },
        )
        context.response = Object.assign(response, { _data: body })
        context.error = error
        await callHooks('onResponse', context, config, hooks)
        await callHooks('onResponseError', context, config, hooks)
      }
    }
    log(client, context, url, started)

    const wait =
      attempt <= (retry.limit ?? 2) &&
      error!.code !== 'daily_limit' &&
      isRetryable(retry, method, status)
        ? getRetryDelay(retry, attempt, response)
        : undefined
    if (wait === undefined) throw error
    if (logger.isLogged('info')) {
      logger.info(
        `${operation}: retrying ${method} ${redact(url)} in ${Math.round(wait)} ms ` +
          `after ${status ?? error!.networkCode ?? 'a network error'} ` +
          `(retry ${attempt} of ${retry.limit ?? 2})`,
      )
    }
    await sleep(wait, signal).catch((reason) => {
      throw aborted(reason)
    })
  }
}

function log(
  client: Client,
  context: HookContext,
  url: string,
  started: number,
): void {
  if (!client.logger.isLogged('debug')) return
  client.logger.debug(
    `${context.operation}: ${context.options.method} ${redact(url)} → ` +
      `${context.response?.status ?? context.error?.message} ` +
      `in ${Date.now() - started} ms`,
    { attempt: context.attempt },
  )
}

function withQuery(url: string, query: HookContext['options']['query']) {
  if (!query) return url
  const target = new URL(url)
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) target.searchParams.delete(key)
    else target.searchParams.set(key, String(value))
  }
  return target.href
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

/**
 * A 429 whose daily allowance is spent is `daily_limit`: waiting seconds
 * will not help, so it is never retried.
 *
 * @see https://github.com/GoHighLevel/highlevel-api-docs/blob/main/docs/oauth/Authorization.md
 */
function codeForStatus(response: Response): HighLevelErrorCode {
  const status = response.status
  if (status === 401) return 'unauthorized'
  if (status === 403) return 'forbidden'
  if (status === 404) return 'not_found'
  if (status === 409) return 'conflict'
  if (status === 400 || status === 422) return 'validation'
  if (status === 408) return 'timeout'
  if (status === 429) {
    return response.headers.get('x-ratelimit-daily-remaining') === '0'
      ? 'daily_limit'
      : 'rate_limited'
  }
  if (status >= 500) return 'server'
  return 'http'
}

function toObject(headers: Headers): Record<string, string> {
  const result: Record<string, string> = {}
  headers.forEach((value, key) => {
    result[key] = value
  })
  return result
}
