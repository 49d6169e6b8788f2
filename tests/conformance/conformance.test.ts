// Every v2 operation function called against Prism serving its own OpenAPI
// file: the request must satisfy the file (parameters, body, Version and
// security) and the function must return the parsed response body.
// Known spec defects are listed in spec-defects.json (see
// docs/spec-defects.md) and expected to fail; anything else must pass.
import { readFileSync, writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { compareMetadata } from './compare-metadata'
import { loadGeneratedOperations } from './generated-operations'
import { judgeCall } from './judge-call'
import {
  runConformance,
  type ConformanceRun,
  type PlannedCall,
} from './run-conformance'
import { findSpecDir, listServiceFiles, readOperations } from './spec'

interface SpecDefect {
  service: string
  operation: string
  function: string
  reason: string
}

const specDir = findSpecDir()
const defects: SpecDefect[] = JSON.parse(
  readFileSync(new URL('./spec-defects.json', import.meta.url), 'utf8'),
)
// CONFORMANCE_SERVICES=contacts,links narrows a run while debugging.
const only = process.env.CONFORMANCE_SERVICES?.split(',')

const services = new Map<string, PlannedCall[]>()
/** Generated functions whose route is not in their service's file. */
const unmatched: string[] = []
if (specDir) {
  for (const file of listServiceFiles(specDir)) {
    const service = file.replace(/\.json$/, '')
    if (only && !only.includes(service)) continue
    const generated = await loadGeneratedOperations(service)
    const operations = readOperations(specDir, file)
    services.set(
      service,
      operations.map((spec) => ({
        spec,
        generated: generated.get(`${spec.method} ${spec.path}`),
      })),
    )
    for (const [route, { name }] of generated) {
      const known = operations.some(
        (spec) => `${spec.method} ${spec.path}` === route,
      )
      if (!known) unmatched.push(`${service} ${route} ${name}`)
    }
  }
}
const planned = [...services.values()].flat()

if (!specDir) {
  const reason =
    'API description not found: set HIGHLEVEL_SPEC_DIR or place it at ' +
    '../shared/highlevel-api'
  if (process.env.CI === 'true') {
    test('conformance needs the API description', () => {
      throw new Error(reason)
    })
  } else {
    console.warn(`conformance: skipped: ${reason}`)
    test.skip(`conformance (skipped: ${reason})`, () => {})
  }
} else {
  describe('Prism conformance', () => {
    let run: ConformanceRun
    let passed = 0

    beforeAll(async () => {
      run = await runConformance(specDir, services, {
        // One Prism host per core keeps both cores busy on the usual 2.
        hosts: Math.min(4, availableParallelism()),
        calls: 16,
      })
    }, 600_000)

    afterAll(() => {
      if (!run) return
      // CONFORMANCE_REPORT=file.json keeps every request and answer for review.
      if (process.env.CONFORMANCE_REPORT) {
        writeFileSync(process.env.CONFORMANCE_REPORT, describeRun(run))
      }
      const listed = planned.filter((call) => findDefect(call)).length
      console.log(
        `conformance: ${passed}/${planned.length} pass, ${listed} listed as ` +
          `spec defects (${(run.milliseconds / 1000).toFixed(1)} s)`,
      )
    })

    test('every generated function has its route in its spec file', () => {
      expect(unmatched).toEqual([])
    })

    test.skipIf(only)('every listed spec defect is an operation', () => {
      const stale = defects.filter(
        (defect) =>
          !planned.some(
            ({ spec }) =>
              defect.service === spec.service &&
              defect.operation === `${spec.method} ${spec.path}`,
          ),
      )
      expect(stale).toEqual([])
    })

    for (const call of planned) {
      const { spec, generated } = call
      const name = `${spec.service} ${spec.method} ${spec.path} ${generated?.name ?? `(no function for ${spec.operationId})`}`
      const checkMetadata = () => {
        expect(
          generated,
          'no generated function serves this route',
        ).toBeDefined()
        expect(
          compareMetadata(spec, generated!.operation),
          'metadata that differs from the spec',
        ).toEqual([])
      }
      const checkCalls = () => {
        const prismFailure = run.prismFailures.get(spec.service)
        if (prismFailure) {
          throw new Error(`Prism could not serve the file: ${prismFailure}`)
        }
        const attempts = run.attempts.get(call)
        expect(attempts, 'the function was not called').toBeDefined()
        const failures = attempts!.flatMap((attempt) => {
          const failure = judgeCall(attempt.record, attempt.args)
          return failure ? [`with ${attempt.label}: ${failure}`] : []
        })
        if (failures.length) throw new Error(failures.join('\n\n'))
      }

      const defect = findDefect(call)
      if (defect) {
        // The metadata is still checked; only the call is expected to fail.
        test(`${name} (metadata)`, checkMetadata)
        test.fails(`${name} (spec defect: ${defect.reason})`, checkCalls)
      } else {
        test(name, () => {
          checkMetadata()
          checkCalls()
          passed++
        })
      }
    }
  })
}

function findDefect({ spec }: PlannedCall): SpecDefect | undefined {
  return defects.find(
    (defect) =>
      defect.service === spec.service &&
      defect.operation === `${spec.method} ${spec.path}`,
  )
}

function describeRun(run: ConformanceRun): string {
  const calls = planned.map((call) => ({
    service: call.spec.service,
    operation: `${call.spec.method} ${call.spec.path}`,
    function: call.generated?.name,
    attempts: run.attempts.get(call)?.map(({ label, args, record }) => ({
      label,
      sent: record.sent,
      status: record.status,
      violations: record.violations,
      badExamples: args.badExamples,
      unsatisfiable: args.unsatisfiable,
    })),
  }))
  return JSON.stringify({ patchedRefs: run.patchedRefs, calls }, null, 2)
}
