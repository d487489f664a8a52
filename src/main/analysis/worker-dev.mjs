// Worker entry when KYC Desk runs from its TypeScript sources (CLI, tests, web host): loads
// worker.ts through tsx. The built app uses out/main/worker.js instead.
import { tsImport } from 'tsx/esm/api'

await tsImport('./worker.ts', import.meta.url)
