#!/usr/bin/env node
// Regenerates src/operations from the HighLevel v2 OpenAPI files.
//
//   npm run generate [-- <spec dir>]
//
// The spec dir is the first argument, else HIGHLEVEL_SPEC_DIR, else
// ../shared/highlevel-api beside the repository. See docs/generator.md.
import fs from 'node:fs'
import path from 'node:path'

import {
  generateOperations,
  repoRoot,
  resolveSpecDir,
} from './generator/generate-operations.mjs'

const specDir = resolveSpecDir(process.argv[2])
if (!fs.existsSync(path.join(specDir, 'apps'))) {
  console.error(
    `[highlevel-fetch] generate: no apps/ folder in ${specDir}; pass the ` +
      'spec dir as the first argument or set HIGHLEVEL_SPEC_DIR',
  )
  process.exit(1)
}

const outDir = path.join(repoRoot, 'src/operations')
const started = performance.now()
const { files, services } = await generateOperations(specDir, outDir)
const count = services.reduce(
  (sum, { operations }) => sum + operations.length,
  0,
)
console.log(
  `generated ${count} operations of ${services.length} services into ` +
    `${Object.keys(files).length} files in ${Math.round(performance.now() - started)} ms`,
)
