import { readdirSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join, relative } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

/**
 * The core must load in browsers, workerd and edge runtimes, so src/ uses
 * Web APIs only. The one exception: files named `*.node.ts` are entries
 * meant only for Node (an Express middleware, say). They may use Node, and
 * only other `*.node.ts` files may import them.
 */
const NODE_ONLY_FILE = /\.node\.ts$/

const root = join(import.meta.dirname, '../..')
const nodeModules = new Set(
  builtinModules.flatMap((name) => [name, name.split('/')[0]]),
)
const nodeGlobals = new Set(['Buffer', 'process', 'require', '__dirname'])

interface Finding {
  file: string
  line: number
  what: string
}

function listSourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(entry.parentPath, entry.name)
    if (entry.isDirectory()) return listSourceFiles(path)
    return /\.[cm]?tsx?$/.test(entry.name) ? [path] : []
  })
}

/** Module specifiers and Node globals one file uses, with their lines. */
function scanFile(path: string): { imports: Finding[]; globals: Finding[] } {
  const file = relative(root, path)
  const source = ts.createSourceFile(
    path,
    readFileSync(path, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  )
  const imports: Finding[] = []
  const globals: Finding[] = []
  const lineOf = (node: ts.Node) =>
    source.getLineAndCharacterOfPosition(node.getStart()).line + 1

  const visit = (node: ts.Node) => {
    const specifier =
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier
        ? node.moduleSpecifier
        : ts.isCallExpression(node) &&
            (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
              (ts.isIdentifier(node.expression) &&
                node.expression.text === 'require'))
          ? node.arguments[0]
          : ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)
            ? node.argument.literal
            : undefined
    if (specifier && ts.isStringLiteralLike(specifier)) {
      imports.push({ file, line: lineOf(specifier), what: specifier.text })
    }
    if (
      ts.isIdentifier(node) &&
      nodeGlobals.has(node.text) &&
      !isPropertyName(node)
    ) {
      globals.push({ file, line: lineOf(node), what: node.text })
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return { imports, globals }
}

/** `x.process` or `{ process: 1 }` name a property, not the global. */
function isPropertyName(node: ts.Identifier): boolean {
  const parent = node.parent
  return (
    ((ts.isPropertyAccessExpression(parent) ||
      ts.isPropertyAssignment(parent) ||
      ts.isPropertySignature(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isMethodDeclaration(parent) ||
      ts.isMethodSignature(parent)) &&
      parent.name === node) ||
    (ts.isBindingElement(parent) && parent.propertyName === node)
  )
}

const isNodeModule = (specifier: string) =>
  specifier.startsWith('node:') || nodeModules.has(specifier.split('/')[0])

const format = (findings: Finding[]) =>
  findings.map(({ file, line, what }) => `${file}:${line} ${what}`)

describe('Web APIs only under src/', () => {
  const files = listSourceFiles(join(root, 'src'))
  const portable = files.filter((path) => !NODE_ONLY_FILE.test(path))
  const scans = portable.map(scanFile)

  it('finds the source files', () => {
    expect(portable.length).toBeGreaterThan(5)
  })

  it('imports no Node built-in outside *.node.ts files', () => {
    const found = scans.flatMap(({ imports }) =>
      imports.filter(({ what }) => isNodeModule(what)),
    )

    expect(format(found)).toEqual([])
  })

  it('uses no Buffer, process or require outside *.node.ts files', () => {
    expect(format(scans.flatMap(({ globals }) => globals))).toEqual([])
  })

  it('imports no *.node.ts file from a portable file', () => {
    const found = scans.flatMap(({ imports }) =>
      imports.filter(({ what }) => /\.node(\.[cm]?[jt]s)?$/.test(what)),
    )

    expect(format(found)).toEqual([])
  })
})
