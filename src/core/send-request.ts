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
  /** Copied for each attempt, so hooks change only their own. */
  headers: HeadersInit
  body?: BodyInit
  responseType?: 'text' | 'blob'
  /** The call's deadline in milliseconds, named in its timeout error. */
  timeout?: number
  /** Ends the call: the caller's signal and the deadline (`withTimeout`). */
  signal?: AbortSignal
  /** Per-call retry rule, over the client's. */
  retry?: RetryOption
  /** Per-call hooks, run after the client's. */
  hooks?: Hooks
  /** Location or company id the call counts against for rate limits. */
  resource?: string
  /**
   * Values sent in the body that an error body may echo (a refresh token,
   * a code, the client secret), masked like the bearer token.
   */
  secrets?: (string | undefined)[]
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
  const limit = retry.limit ?? 2
  const { signal } = options
  const resource = options.resource ?? ''
  // The token itself, so an error body that echoes it is masked too.
  const secrets = [
    new Headers(options.headers).get('authorization')?.slice(7 /* Bearer */),
    ...(options.secrets ?? []),
  ]

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
        ? fail(
            `timed out${options.timeout ? ` after ${options.timeout} ms` : ''}`,
            'timeout',
            {},
            reason,
          )
        : fail('was aborted', 'aborted', {}, reason)

    const started = Date.now()
    let response: Response | undefined
    let text: string | Blob = ''
    let error: HighLevelError | undefined
    let release: (() => void) | undefined
    try {
      signal?.throwIfAborted()
      release = await config.rateLimiter?.acquire(resource, signal)
      response = await client.fetch(url, { ...context.options, signal })
      text =
        response.ok && options.responseType === 'blob'
          ? await response.blob()
          : await response.text()
    } catch (cause) {
      // undici puts the reason in `cause`: a system code (ECONNREFUSED,
      // ENOTFOUND) or, for a refusal of its own, only a message.
      const inner = (cause as { cause?: { code?: string; message?: string } })
        ?.cause
      const system = inner?.code
      const reason = system ?? inner?.message
      error = signal?.aborted
        ? aborted(signal.reason)
        : fail(
            `could not be sent${reason ? ` (${reason})` : ''}`,
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
      const headers = Object.fromEntries(response.headers)
      let data: unknown = text
      if (!response.ok || !options.responseType) {
        try {
          data = text === '' ? undefined : JSON.parse(text as string)
        } catch (cause) {
          data = text
          if (response.ok) {
            error = fail(
              `answered ${status} with a body that is not JSON`,
              'invalid_response',
              { status, body: redact(text, secrets), headers },
              cause,
            )
          }
        }
      }
      if (!response.ok) {
        data = redact(data, secrets)
        const detail =
          typeof data === 'string'
            ? data.slice(0, 200)
            : [(data as { message?: unknown } | undefined)?.message]
                .flat()
                .join('; ')
        error = fail(
          `failed with ${status}${detail ? `: ${detail}` : ''}`,
          codeForStatus(response),
          { status, body: data, headers },
        )
      }
      context.response = Object.assign(response, { _data: data })
      context.error = error
      await callHooks('onResponse', context, config, hooks)
      if (!error) {
        log(client, context, url, started)
        // Like ofetch: an onResponse hook may replace `_data`.
        return {
          status: status!,
          headers: response.headers,
          data: context.response._data,
        }
      }
      await callHooks('onResponseError', context, config, hooks)
    }
    log(client, context, url, started)

    const wait =
      attempt <= limit &&
      error!.code !== 'daily_limit' &&
      isRetryable(retry, method, status)
        ? getRetryDelay(retry, attempt, response)
        : undefined
    if (wait === undefined) throw error
    if (logger.isLogged('info')) {
      logger.info(
        `${operation}: retrying ${method} ${redact(url)} in ${Math.round(wait)} ms ` +
          `after ${status ?? error!.networkCode ?? error!.code} ` +
          `(retry ${attempt} of ${limit})`,
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

/**
 * One signal for a call: it aborts with any of `signals`, or with a
 * `TimeoutError` after `timeout` milliseconds.
 */
export function withTimeout(
  signals: (AbortSignal | undefined)[],
  timeout: number | undefined,
): AbortSignal | undefined {
  const present = [
    ...signals,
    timeout ? AbortSignal.timeout(timeout) : undefined,
  ].filter((signal): signal is AbortSignal => !!signal)
  if (present.length < 2) return present[0]
  // AbortSignal.any drops its listeners with the call (Node 20.3+, current
  // browsers and workerd); the fallback leaves one on a long-lived signal.
  if (AbortSignal.any) return AbortSignal.any(present)
  const controller = new AbortController()
  for (const source of present) {
    if (source.aborted) {
      controller.abort(source.reason)
      break
    }
    source.addEventListener('abort', () => controller.abort(source.reason), {
      once: true,
    })
  }
  return controller.signal
}

/**
 * A 429 whose daily allowance is spent is `daily_limit`: waiting seconds
 * will not help, so it is never retried.
 *
 * @see https://github.com/GoHighLevel/highlevel-api-docs/blob/main/docs/oauth/Authorization.md
 */
function codeForStatus({ status, headers }: Response): HighLevelErrorCode {
  if (status === 429 && headers.get('x-ratelimit-daily-remaining') === '0') {
    return 'daily_limit'
  }
  return STATUS_CODES[status] ?? (status < 500 ? 'http' : 'server')
}

const STATUS_CODES: Record<number, HighLevelErrorCode> = {
  400: 'validation',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  408: 'timeout',
  409: 'conflict',
  422: 'validation',
  429: 'rate_limited',
}
