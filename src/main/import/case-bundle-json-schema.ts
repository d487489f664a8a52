import { z } from 'zod'
import { BundlePath, CaseBundleSchema, IsoDate, IsoDateOrDateTime, isoDate, isoDateTime } from '../../shared/domain/case-bundle'

/** A regex's source without its ^…$ anchors, to combine it with another. */
const bare = (re: RegExp) => re.source.replace(/^\^/, '').replace(/\$$/, '')

/**
 * The JSON Schema (draft 2020-12) equivalent of BundlePath's refinements: relative, '/'
 * separators, no '.', '..' or empty segments, no drive letter, backslash or NUL. Kept beside
 * the generator and checked against the zod schema by tests/unit/main/import/json-schema.test.ts.
 */
export const BUNDLE_PATH_PATTERN = '^(?![A-Za-z]:)(?!.*[\\\\\\u0000])(?:(?!\\.\\.?(?:/|$))[^/]+/)*(?!\\.\\.?$)[^/]+$'

/**
 * docs/case-bundle.schema.json, generated from CaseBundleSchema with zod's z.toJSONSchema (the
 * input side: `status` may be omitted, unknown fields allowed). zod's refinements (calendar
 * dates, safe paths) have no JSON Schema form of their own; their patterns are added here so
 * that platform integrators can validate exports before sending them. Regenerate with
 * `npx tsx scripts/generate-case-bundle-schema.ts`.
 */
export function caseBundleJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(CaseBundleSchema, {
    io: 'input',
    target: 'draft-2020-12',
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema === IsoDate) {
        Object.assign(jsonSchema, { pattern: isoDate.source, description: 'ISO 8601 calendar date, e.g. 2025-02-07.' })
      } else if (zodSchema === IsoDateOrDateTime) {
        Object.assign(jsonSchema, {
          pattern: `^(?:${bare(isoDate)}|${bare(isoDateTime)})$`,
          description: 'ISO 8601 date (2025-02-07) or date-time with a zone (2025-02-07T10:15:00Z).',
        })
      } else if (zodSchema === BundlePath) {
        Object.assign(jsonSchema, {
          pattern: BUNDLE_PATH_PATTERN,
          description: 'A file in the bundle, relative to case.json: "/" separators, no "..", not absolute.',
        })
      }
    },
  })
  return {
    $schema: generated.$schema,
    $id: 'https://kyc-desk.local/schemas/kyc-case-1.schema.json',
    title: 'KYC Desk case bundle, kyc-case/1 (case.json)',
    description: 'Generated from src/shared/domain/case-bundle.ts by scripts/generate-case-bundle-schema.ts; do not edit. The format: docs/case-bundle.md. The importer also checks what JSON Schema cannot express: real calendar dates and the limits listed there.',
    ...Object.fromEntries(Object.entries(generated).filter(([key]) => key !== '$schema')),
  }
}

/** The file's exact text, so that a stale committed copy is detected byte for byte. */
export function caseBundleJsonSchemaText(): string {
  return `${JSON.stringify(caseBundleJsonSchema(), null, 2)}\n`
}
