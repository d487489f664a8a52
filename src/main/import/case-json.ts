import type { z } from 'zod'
import { CaseBundleSchema, type CaseBundle } from '../../shared/domain/case-bundle'
import { ErrorList } from './error-list'
import { overLimit } from './text'
import type { ReadError } from './types'
import { MAX_CASE_JSON_BYTES } from './limits'

export type CaseJsonResult = { ok: true; bundle: CaseBundle; text: string } | { ok: false; errors: ReadError[] }

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * case.json's bytes → the validated bundle, or every reason it is unusable, each with the JSON
 * path and a sentence an agent or a platform engineer can act on. `file` is where case.json
 * is, for the error locations.
 */
export function parseCaseJson(bytes: Uint8Array, file: string): CaseJsonResult {
  const fail = (message: string, rule: ReadError['rule'] = 'invalid-json'): CaseJsonResult => ({ ok: false, errors: [{ file, rule, message }] })
  if (bytes.length > MAX_CASE_JSON_BYTES) {
    return fail(overLimit('case.json', bytes.length, MAX_CASE_JSON_BYTES), 'too-large')
  }
  if (bytes.length === 0) return fail('case.json is empty.')
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fail('case.json is saved as UTF-16; save it as UTF-8.')
  }
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    return fail('case.json is not UTF-8 text; JSON must be saved as UTF-8.')
  }
  // Windows editors prepend a byte-order mark, which JSON.parse refuses.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    return fail(`case.json is not valid JSON: ${describeJsonError(error as Error, text)}.`)
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail(`case.json must hold one JSON object ({ … }); it holds ${describeValue(data)}.`, 'schema')
  }
  const parsed = CaseBundleSchema.safeParse(data)
  if (parsed.success) return { ok: true, bundle: parsed.data, text }
  const errors = new ErrorList()
  // One message per field: "/etc/x" is both absolute and has an empty segment; the first says it.
  const seen = new Set<string>()
  for (const issue of parsed.error.issues) {
    const key = formatJsonPath(issue.path)
    if (seen.has(key)) continue
    seen.add(key)
    errors.add(issueToError(issue, data, file))
  }
  return { ok: false, errors: errors.list() }
}

/** V8's message without its "at position N", plus the line and column a person can find. */
function describeJsonError(error: Error, text: string): string {
  const message = error.message.replace(/\s*\(line \d+ column \d+\)/, '')
  const match = /(.*?)(?: in JSON)? at position (\d+)/.exec(message)
  if (!match) return message.replace(/ in JSON$/, '')
  const position = Number(match[2])
  const before = text.slice(0, position)
  const line = before.split('\n').length
  const column = position - before.lastIndexOf('\n')
  return `${match[1]} at line ${line}, column ${column}`
}

export function formatJsonPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out === '' ? String(key) : `.${String(key)}`
  }
  return out
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}

function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return `a list of ${value.length}`
  if (typeof value === 'object') return 'an object'
  const json = JSON.stringify(value)
  return json.length > 80 ? `${json.slice(0, 77)}…"` : json
}

function issueToError(issue: z.core.$ZodIssue, data: unknown, file: string): ReadError {
  const path = formatJsonPath(issue.path)
  const value = valueAt(data, issue.path)
  const present = issue.path.length === 0 || value !== undefined
  if (issue.path[0] === 'schema' && issue.path.length === 1) {
    return {
      file,
      path,
      rule: 'schema-version',
      message: present
        ? `"schema" is ${describeValue(value)}; this version of KYC Desk reads "kyc-case/1" only.`
        : 'case.json has no "schema" field; it must be "kyc-case/1".',
    }
  }
  if (!present && issue.code === 'invalid_type') {
    return { file, path, rule: 'missing-field', message: `${path} is required but missing.` }
  }
  // BundlePath's refinements: a file name that could escape the bundle.
  const last = issue.path[issue.path.length - 1]
  const rule = issue.code === 'custom' && last === 'file' ? 'unsafe-path' : 'schema'
  const where = path === '' ? 'case.json' : path
  return { file, path: path || undefined, rule, message: `${where} is ${describeValue(value)}: ${issue.message}.`.replace(/\.\.$/, '.') }
}
