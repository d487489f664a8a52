import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { BUNDLE_PATH_PATTERN, caseBundleJsonSchemaText } from '../../../../src/main/import/case-bundle-json-schema'
import { BundlePath, IsoDate, IsoDateOrDateTime } from '../../../../src/shared/domain/case-bundle'

const committed = fileURLToPath(new URL('../../../../docs/case-bundle.schema.json', import.meta.url))

describe('docs/case-bundle.schema.json', () => {
  it('is up to date with the zod schema (regenerate: npx tsx scripts/generate-case-bundle-schema.ts)', () => {
    expect(readFileSync(committed, 'utf8')).toBe(caseBundleJsonSchemaText())
  })

  it('describes the input: status optional, unknown top-level fields allowed, required fields listed', () => {
    const schema = JSON.parse(caseBundleJsonSchemaText()) as { required: string[]; additionalProperties?: unknown }
    expect(schema.required).toEqual(['schema', 'caseId', 'attempt', 'submittedAt', 'locale', 'applicant', 'form', 'documents', 'selfies'])
    expect(schema.additionalProperties).not.toBe(false)
  })

  const paths = ['id.jpg', 'a/b/selfie 1.png', '..x.jpg', 'x..jpg', '../id.jpg', 'a/../id.jpg', '/id.jpg', 'C:/id.jpg', 'c:id.jpg', 'a\\b.jpg', './id.jpg', 'a/./b', 'a//b', 'a/', '.', '..', 'a\u0000b', '.hidden/x.jpg']
  it.each(paths)('agrees with zod on the file path %j', (path) => {
    expect(new RegExp(BUNDLE_PATH_PATTERN, 'u').test(path)).toBe(BundlePath.safeParse(path).success)
  })

  const dates = ['2025-02-07', '2025-02-07T10:15:00Z', '2025-02-07T10:15Z', '2025-02-07T10:15:00.123+08:00', '2025-02-07T10:15:00+0800', '2025-02-07T24:00:00Z', '2025-02-07 10:15:00Z', '2025-2-7', '2025-02-07T10:15:00']
  it.each(dates)('its date-time pattern agrees with zod on %j (valid calendar dates)', (value) => {
    const schema = JSON.parse(caseBundleJsonSchemaText()) as { properties: { submittedAt: { pattern: string }; form: { properties: { dateOfBirth: { pattern: string } } } } }
    expect(new RegExp(schema.properties.submittedAt.pattern, 'u').test(value)).toBe(IsoDateOrDateTime.safeParse(value).success)
    expect(new RegExp(schema.properties.form.properties.dateOfBirth.pattern, 'u').test(value)).toBe(IsoDate.safeParse(value).success)
  })
})
