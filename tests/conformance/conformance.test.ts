// Every v2 operation function called against Prism serving its own OpenAPI
// file: the request must satisfy the file (parameters, body, Version and
// security) and the function must return the parsed response body.
// Known spec defects are listed in spec-defects.json (see
// docs/spec-defects.md) and expected to fail; anything else must pass.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { findUndeclaredParameters } from './call-arguments'
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
if (specDir) {
  for (const file of listServiceFiles(specDir)) {
    const service = file.replace(/\.json$/, '')
    if (only && !only.includes(service)) continue
    const generated = await loadGeneratedOperations(service)
    services.set(
      service,
      readOperations(specDir, file).map((spec) => ({
        spec,
        generated: generated.get(`${spec.method} ${spec.path}`),
      })),
    )
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
        hosts: 2,
        calls: 16,
      })
    }, 600_000)

    afterAll(() => {
      if (!run) return
      const listed = planned.filter((call) => findDefect(call)).length
      console.log(
        `conformance: ${passed}/${planned.length} pass, ${listed} listed as ` +
          `spec defects (${(run.milliseconds / 1000).toFixed(1)} s)`,
      )
    })

    for (const call of planned) {
      const { spec, generated } = call
      const name = `${spec.service} ${spec.method} ${spec.path} ${generated?.name ?? `(no function for ${spec.operationId})`}`
      const defect = findDefect(call)
      const check = () => {
        expect(
          generated,
          'no generated function declares this route',
        ).toBeDefined()
        const undeclared = findUndeclaredParameters(spec, generated!.operation)
        expect(
          undeclared.map((parameter) => `${parameter.in} ${parameter.name}`),
          'spec parameters missing from the metadata',
        ).toEqual([])

        const prismFailure = run.prismFailures.get(spec.service)
        if (prismFailure)
          throw new Error(`Prism could not serve the file: ${prismFailure}`)
        const record = run.records.get(call)
        expect(record, 'the call did not run').toBeDefined()
        const failure = judgeCall(record!, run.arguments.get(call))
        if (failure) throw new Error(failure)
        passed++
      }
      if (defect) test.fails(`${name} (spec defect: ${defect.reason})`, check)
      else test(name, check)
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
