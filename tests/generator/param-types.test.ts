import { join } from 'node:path'
import ts from 'typescript'
import { expect, it } from 'vitest'
import { repoRoot } from '../../scripts/generator/generate-operations.mjs'

const fixture = join(repoRoot, 'tests/generator/fixtures/param-types.ts')

it('rejects missing and unknown parameter keys at compile time', () => {
  const program = ts.createProgram([fixture], {
    noEmit: true,
    strict: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    types: [],
  })
  const diagnostics = ts
    .getPreEmitDiagnostics(program)
    // Only the fixture's own diagnostics count (an unused @ts-expect-error,
    // or a call that should compile and does not) plus global ones.
    .filter(
      (diagnostic) => !diagnostic.file || diagnostic.file.fileName === fixture,
    )
    .map((diagnostic) =>
      ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
    )

  expect(program.getSourceFile(fixture)).toBeDefined()
  expect(diagnostics).toEqual([])
}, 120_000)
