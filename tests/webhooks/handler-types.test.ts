import { join } from 'node:path'
import ts from 'typescript'
import { expect, it } from 'vitest'

it('types handlers by event type, with optional documented fields', () => {
  const fixture = join(import.meta.dirname, 'fixtures/typed-handlers.ts')
  const program = ts.createProgram([fixture], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
  })
  const messages = ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) =>
      ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
    )
  expect(messages).toEqual([])
}, 60_000)
