// Writes docs/case-bundle.schema.json from the zod schema of kyc-case/1.
// Run: npx tsx scripts/generate-case-bundle-schema.ts (a unit test fails while the file is stale).
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { caseBundleJsonSchemaText } from '../src/main/import/case-bundle-json-schema'

const target = fileURLToPath(new URL('../docs/case-bundle.schema.json', import.meta.url))
writeFileSync(target, caseBundleJsonSchemaText())
console.log(`wrote ${target}`)
