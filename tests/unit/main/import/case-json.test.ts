import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MAX_CASE_JSON_BYTES } from '../../../../src/main/import/limits'
import { type CaseJsonDraft, expectOk, expectRejected, readOne, scratch, validCaseJson, validCaseJsonText, validFiles, writeFolder, writeZip, zipEntries } from './helpers/bundles'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = scratch()))
afterEach(() => cleanup())

const withCaseJson = (caseJson: string | Buffer | object) => readOne(writeFolder(join(dir, 'case'), validFiles({ 'case.json': caseJson })))
const edited = (edit: (c: CaseJsonDraft) => void) => {
  const c = validCaseJson()
  edit(c)
  return c
}

describe('case.json that is not JSON', () => {
  it('is rejected with the line and column of the mistake', async () => {
    const broken = validCaseJsonText().replace('"attempt": 1,', '"attempt": 1,,')
    const result = expectRejected(await withCaseJson(broken))
    expect(result.errors).toEqual([expect.objectContaining({ file: 'case.json', rule: 'invalid-json' })])
    expect(result.errors[0].message).toMatch(/^case\.json is not valid JSON: .* at line 4, column 16\.$/)
  })

  it('is rejected when empty', async () => {
    expect(expectRejected(await withCaseJson('')).errors[0]).toMatchObject({ rule: 'invalid-json', message: 'case.json is empty.' })
  })

  it('is rejected when not UTF-8', async () => {
    const latin1 = Buffer.from(validCaseJsonText().replace('ERIKSSON', 'ERIKSSÖN'), 'latin1')
    expect(expectRejected(await withCaseJson(latin1)).errors[0].message).toMatch(/not UTF-8/)
  })

  it('is rejected when saved as UTF-16, saying so', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(validCaseJsonText(), 'utf16le')])
    expect(expectRejected(await withCaseJson(utf16)).errors[0].message).toMatch(/UTF-16; save it as UTF-8/)
  })

  it('is accepted with a UTF-8 byte-order mark, which is not kept', async () => {
    const result = expectOk(await withCaseJson(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(validCaseJsonText())])))
    expect(result.caseJsonText.charCodeAt(0)).toBe('{'.charCodeAt(0))
  })

  it('is rejected when it holds a list instead of an object', async () => {
    expect(expectRejected(await withCaseJson('[1, 2]')).errors[0].message).toMatch(/one JSON object .* it holds a list of 2/)
  })
})

describe('case.json over 1 MiB', () => {
  it('is rejected in a folder, even when it is valid JSON', async () => {
    const padded = validCaseJsonText().replace('{', `{ "padding": "${'x'.repeat(MAX_CASE_JSON_BYTES)}",`)
    const result = expectRejected(await withCaseJson(padded))
    expect(result.errors).toEqual([expect.objectContaining({ rule: 'too-large', file: 'case.json' })])
    expect(result.errors[0].message).toBe(`case.json is ${Buffer.byteLength(padded).toLocaleString('en')} bytes; at most 1,048,576 bytes (1 MiB) are accepted.`)
  })

  it('is rejected in a zip', async () => {
    const padded = validCaseJsonText().replace('{', `{ "padding": "${'x'.repeat(MAX_CASE_JSON_BYTES)}",`)
    const zip = writeZip(join(dir, 'b.zip'), zipEntries(validFiles({ 'case.json': padded }), '').map((e) => ({ ...e, method: 0 })))
    expect(expectRejected(await readOne(zip)).errors).toEqual([expect.objectContaining({ rule: 'too-large', file: 'b.zip!/case.json' })])
  })
})

describe('case.json with the wrong content', () => {
  it('names each missing required field by its JSON path', async () => {
    const result = expectRejected(await withCaseJson(edited((c) => {
      delete c.caseId
      delete c.form.dateOfBirth
    })))
    expect(result.errors.map((e) => [e.rule, e.path, e.message])).toEqual([
      ['missing-field', 'caseId', 'caseId is required but missing.'],
      ['missing-field', 'form.dateOfBirth', 'form.dateOfBirth is required but missing.'],
    ])
  })

  it('refuses another schema version, saying which one it reads', async () => {
    const result = expectRejected(await withCaseJson(edited((c) => (c.schema = 'kyc-case/2'))))
    expect(result.errors).toEqual([{
      file: 'case.json',
      path: 'schema',
      rule: 'schema-version',
      message: '"schema" is "kyc-case/2"; this version of KYC Desk reads "kyc-case/1" only.',
    }])
  })

  it('refuses a case.json without "schema"', async () => {
    const result = expectRejected(await withCaseJson(edited((c) => delete c.schema)))
    expect(result.errors[0]).toMatchObject({ rule: 'schema-version', message: expect.stringMatching(/no "schema" field/) })
  })

  it('shows the wrong value and what was expected', async () => {
    const result = expectRejected(await withCaseJson(edited((c) => (c.form.dateOfBirth = '1974-02-30'))))
    expect(result.errors).toEqual([expect.objectContaining({
      path: 'form.dateOfBirth',
      rule: 'schema',
      message: 'form.dateOfBirth is "1974-02-30": must be an ISO 8601 date (YYYY-MM-DD).',
    })])
  })

  it('rejects an impossible time of day', async () => {
    const result = expectRejected(await withCaseJson(edited((c) => (c.submittedAt = '2026-11-27T25:61:00Z'))))
    expect(result.errors[0]).toMatchObject({ path: 'submittedAt', rule: 'schema' })
  })

  it('reports list positions in paths', async () => {
    const result = expectRejected(await withCaseJson(edited((c) => (c.documents[0].side = 'left'))))
    expect(result.errors[0]).toMatchObject({ path: 'documents[0].side', rule: 'schema' })
  })

  it.each([
    ['../../etc/passwd', /must not contain "\.\."/],
    ['/etc/passwd', /must be relative/],
    ['C:/Users/agent/id.jpg', /must be relative/],
    ['photos\\id.jpg', /must use \/ separators/],
  ])('refuses the unsafe file path %s in case.json', async (file, message) => {
    const result = expectRejected(await withCaseJson(edited((c) => (c.documents[0].file = file))))
    expect(result.errors).toEqual([expect.objectContaining({ path: 'documents[0].file', rule: 'unsafe-path', message: expect.stringMatching(message) })])
  })

  it('accepts an empty first name (people with a single name have none)', async () => {
    expectOk(await withCaseJson(edited((c) => (c.form.firstName = ''))))
  })
})

describe('what is kept', () => {
  it('keeps unknown top-level fields in caseJsonText, byte for byte', async () => {
    const text = validCaseJsonText().replace('{', '{\n  "platformNotes": { "queue": "EU-2", "priority": 3 },')
    const result = expectOk(await withCaseJson(text))
    expect(result.caseJsonText).toBe(text)
    expect(JSON.parse(result.caseJsonText)).toMatchObject({ platformTicket: 'T-88412', platformNotes: { queue: 'EU-2', priority: 3 } })
    expect((result.bundle as Record<string, unknown>).platformTicket).toBe('T-88412')
  })

  it('fills status with its default, "failed"', async () => {
    expect(expectOk(await withCaseJson(validCaseJsonText())).bundle.status).toBe('failed')
  })
})
