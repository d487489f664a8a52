import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { discoverBundles, readBundle, type ReadOk, type ReadRejected, type ReadResult } from '../../../../../src/main/import'
import { buildZip, type ZipEntrySpec } from './zip-writer'

export const VALID_DIR = fileURLToPath(new URL('../../../../fixtures/import/valid-case', import.meta.url))

export const validCaseJsonText = (): string => readFileSync(join(VALID_DIR, 'case.json'), 'utf8')
/** The valid case.json, parsed, typed loosely enough for tests to break it. */
export interface CaseJsonDraft {
  [key: string]: unknown
  form: Record<string, unknown>
  documents: Record<string, unknown>[]
  selfies: Record<string, unknown>[]
}
export const validCaseJson = (): CaseJsonDraft => JSON.parse(validCaseJsonText()) as CaseJsonDraft
export const passportJpg = (): Buffer => readFileSync(join(VALID_DIR, 'passport.jpg'))
export const selfiePng = (): Buffer => readFileSync(join(VALID_DIR, 'selfie.png'))

/** The valid case's files, as name → bytes, with optional replacements (null = leave out). */
export function validFiles(changes: Record<string, Buffer | string | object | null> = {}): Map<string, Buffer> {
  const files = new Map<string, Buffer>([
    ['case.json', Buffer.from(validCaseJsonText())],
    ['passport.jpg', passportJpg()],
    ['selfie.png', selfiePng()],
  ])
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) files.delete(name)
    else if (Buffer.isBuffer(value)) files.set(name, value)
    else if (typeof value === 'string') files.set(name, Buffer.from(value))
    else files.set(name, Buffer.from(JSON.stringify(value)))
  }
  return files
}

/** A scratch folder, removed by the returned cleanup. */
export function scratch(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'kyc-import-test-'))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

export function writeFolder(dir: string, files: Map<string, Buffer>): string {
  for (const [name, bytes] of files) {
    mkdirSync(dirname(join(dir, name)), { recursive: true })
    writeFileSync(join(dir, name), bytes)
  }
  return dir
}

/** Zip entries for files, optionally under a folder prefix ('case-a/'). */
export function zipEntries(files: Map<string, Buffer>, prefix = ''): ZipEntrySpec[] {
  return [...files].map(([name, data]) => ({ name: prefix + name, data }))
}

export function writeZip(path: string, entries: ZipEntrySpec[]): string {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, buildZip(entries))
  return path
}

export async function readAll(paths: string[]): Promise<ReadResult[]> {
  const results: ReadResult[] = []
  for await (const source of discoverBundles(paths)) results.push(await readBundle(source))
  return results
}

/** The single result for a path that holds one bundle. */
export async function readOne(path: string): Promise<ReadResult> {
  const results = await readAll([path])
  if (results.length !== 1) throw new Error(`expected one bundle at ${path}, found ${results.length}`)
  return results[0]
}

export function expectOk(result: ReadResult): ReadOk {
  if (!result.ok) throw new Error(`expected ${result.sourceLabel} to be read, got: ${JSON.stringify(result.errors, null, 2)}`)
  return result
}

export function expectRejected(result: ReadResult): ReadRejected {
  if (result.ok) throw new Error(`expected ${result.sourceLabel} to be rejected, but it was read`)
  return result
}

export const rules = (result: ReadResult): string[] => (result.ok ? [] : result.errors.map((e) => e.rule))
