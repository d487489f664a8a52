#!/usr/bin/env node
// Runs a TypeScript entry point from any working directory: `node bin/run-ts.mjs file.ts args…`.
// tsx is resolved from this package (not the cwd), which `node --import tsx` cannot do.
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { tsImport } from 'tsx/esm/api'

const [, , file, ...rest] = process.argv
if (!file) {
  console.error('usage: node bin/run-ts.mjs <file.ts> [args…]')
  process.exit(2)
}
const entry = resolve(file)
process.argv = [process.argv[0], entry, ...rest]
await tsImport(pathToFileURL(entry).href, import.meta.url)
