#!/usr/bin/env node
// The `kyc-desk` command line: the same services as the app, without a window.
import { tsImport } from 'tsx/esm/api'

const cli = await tsImport('../src/main/cli.ts', import.meta.url)
process.exitCode = await cli.main(process.argv.slice(2))
