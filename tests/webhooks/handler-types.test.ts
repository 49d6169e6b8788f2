import { join } from 'node:path'
import ts from 'typescript'
import { expect, it } from 'vitest'

const root = join(import.meta.dirname, '../..')

it('types handlers by event type, with optional documented fields', () => {
  const fixture = join(import.meta.dirname, 'fixtures/typed-handlers.ts')
  const config = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile)
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root)
  const program = ts.createProgram([fixture], { ...options, noEmit: true })

  // Only the fixture's own diagnostics: src/ is checked by `npm run typecheck`.
  const messages = ts
    .getPreEmitDiagnostics(program, program.getSourceFile(fixture))
    .map((diagnostic) =>
      ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
    )
  expect(messages).toEqual([])
}, 60_000)
