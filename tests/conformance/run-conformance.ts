import { basename, join } from 'node:path'
import { synthesizeArguments, type CallArguments } from './call-arguments'
import {
  callPrism,
  type CallRecord,
  type GeneratedOperation,
} from './call-prism'
import { prepareSpecCopy, startPrismHost, stopAllPrism } from './prism'
import type { SpecOperation } from './spec'

/** One spec operation and the generated function that should serve it. */
export interface PlannedCall {
  spec: SpecOperation
  generated?: GeneratedOperation
}

/** One call of a function: which arguments, and what happened. */
export interface CallAttempt {
  /** `required parameters`, or `every parameter` when there are optional ones. */
  label: string
  args: CallArguments
  record: CallRecord
}

export interface ConformanceRun {
  attempts: Map<PlannedCall, CallAttempt[]>
  /** Services whose file Prism could not serve, with its output. */
  prismFailures: Map<string, string>
  /** Local refs that pointed nowhere and were pointed at the common file. */
  patchedRefs: Record<string, string[]>
  milliseconds: number
}

export interface RunOptions {
  /** Prism host processes, each serving a share of the files. */
  hosts: number
  /** Calls in flight at once, over all files. */
  calls: number
}

/**
 * Serves every file with Prism, calls each planned function against its
 * file's server as soon as that server is up, and stops every server, also
 * when something throws.
 */
export async function runConformance(
  specDir: string,
  services: Map<string, PlannedCall[]>,
  options: RunOptions,
): Promise<ConformanceRun> {
  const started = Date.now()
  const callable = [...services].filter(([, calls]) =>
    calls.some((call) => call.generated),
  )
  const copy = prepareSpecCopy(
    specDir,
    callable.map(([service]) => `${service}.json`),
  )
  const run: ConformanceRun = {
    attempts: new Map(),
    prismFailures: new Map(),
    patchedRefs: copy.patched,
    milliseconds: 0,
  }
  const limit = createLimiter(options.calls)
  const pending: Promise<void>[] = []

  const callService = (url: string, calls: PlannedCall[]) =>
    Promise.all(
      calls.map((call) =>
        limit(async () => {
          run.attempts.set(call, await callTwice(url, call))
        }),
      ),
    ).then(() => undefined)

  try {
    const hosts = await Promise.all(
      splitEvenly(callable, options.hosts).map((group) =>
        startPrismHost(
          group.map(([service]) => join(copy.dir, 'apps', `${service}.json`)),
          (served) => {
            const service = basename(served.file, '.json')
            if ('error' in served) {
              run.prismFailures.set(service, served.error)
              return
            }
            const calls = services.get(service) ?? []
            pending.push(
              callService(
                served.url,
                calls.filter((call) => call.generated),
              ),
            )
          },
        ),
      ),
    )
    // Every host is ready, so every file's calls are in `pending` by now.
    await Promise.all(pending)
    await Promise.all(hosts.map((host) => host.stop()))
  } finally {
    stopAllPrism()
    copy.remove()
  }
  run.milliseconds = Date.now() - started
  return run
}

/**
 * Calls with required parameters only, then, when the operation has
 * optional parameters, with every parameter: the second call is what puts
 * arrays, numbers and booleans of optional query parameters on the wire.
 */
async function callTwice(
  url: string,
  call: PlannedCall,
): Promise<CallAttempt[]> {
  const generated = call.generated as GeneratedOperation
  const attempts: CallAttempt[] = []
  const required = synthesizeArguments(call.spec, generated.operation)
  attempts.push({
    label: 'required parameters',
    args: required,
    record: await callPrism(url, generated, required),
  })
  const every = synthesizeArguments(call.spec, generated.operation, {
    everyParameter: true,
  })
  const count = (args: CallArguments) => Object.keys(args.params ?? {}).length
  if (count(every) > count(required)) {
    attempts.push({
      label: 'every parameter',
      args: every,
      record: await callPrism(url, generated, every),
    })
  }
  return attempts
}

/** Runs at most `limit` of the given tasks at once. */
function createLimiter(limit: number) {
  let active = 0
  const waiting: (() => void)[] = []
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((go) => waiting.push(go))
    active++
    try {
      return await task()
    } finally {
      active--
      waiting.shift()?.()
    }
  }
}

/** Deals services out so each host gets about as many operations. */
function splitEvenly<T>(
  services: [string, T[]][],
  count: number,
): [string, T[]][][] {
  const groups = Array.from({ length: Math.max(1, count) }, () => ({
    size: 0,
    services: [] as [string, T[]][],
  }))
  const largestFirst = [...services].sort((a, b) => b[1].length - a[1].length)
  for (const entry of largestFirst) {
    const smallest = groups.reduce((a, b) => (b.size < a.size ? b : a))
    smallest.services.push(entry)
    smallest.size += entry[1].length
  }
  return groups
    .map((group) => group.services)
    .filter((group) => group.length > 0)
}
