import type { HighLevelError } from './error'
import type { Operation } from './operation'

/** The request as hooks see it; changes made here are what gets sent. */
export interface HookRequestOptions {
  method: string
  /** Includes `Authorization`: never log it as it is. */
  headers: Headers
  /**
   * Query values merged into the URL after `onRequest` hooks ran; set a
   * key to add or replace it, `undefined` to remove it.
   */
  query?: Record<string, string | number | boolean | undefined>
  body?: BodyInit
}

/**
 * What a hook receives, in the shape ofetch hooks use: the URL in
 * `request`, the options, and once known the `response` (with its parsed
 * body in `_data`) or the `error`.
 */
export interface HookContext {
  /** Absolute URL, query included; a hook may replace it. */
  request: string
  options: HookRequestOptions
  /** The operation's function name, or `request` for raw calls. */
  operation: string
  /** The operation's generated metadata (method, path template, ...). */
  definition?: Operation
  /** 1 for the first try, 2 for the first retry, ... */
  attempt: number
  response?: Response & { _data?: unknown }
  error?: Error | HighLevelError
}

/** A hook; a rejected promise or a throw ends the call with that error. */
export type Hook = (context: HookContext) => void | Promise<void>

/** The four hook points, each one hook or a list run in order. */
export interface Hooks {
  /** Before each attempt is sent: change headers, query or URL here. */
  onRequest?: Hook | readonly Hook[]
  /** When `fetch` itself fails (network error, timeout, abort). */
  onRequestError?: Hook | readonly Hook[]
  /** After every response is read, 2xx or not. */
  onResponse?: Hook | readonly Hook[]
  /** After a non-2xx response, before it is retried or thrown. */
  onResponseError?: Hook | readonly Hook[]
}

/** Runs the client's hooks for `name`, then the call's. */
export async function callHooks(
  name: keyof Hooks,
  context: HookContext,
  ...sources: (Hooks | undefined)[]
): Promise<void> {
  for (const source of sources) {
    const hooks = source?.[name]
    if (!hooks) continue
    for (const hook of Array.isArray(hooks) ? hooks : [hooks]) {
      await hook(context)
    }
  }
}
