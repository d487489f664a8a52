import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { MAX_IMAGE_BYTES } from '../../../../src/main/import/limits'
import type { ReadResult } from '../../../../src/main/import'
import { readAll, scratch, validCaseJson, validFiles, writeFolder, zipEntries } from './helpers/bundles'
import { buildZip } from './helpers/zip-writer'
import { prng } from '../../../bench/stats'


const SEED = 20261128
const ITERATIONS = 2400

const random = prng(SEED)
const int = (n: number) => Math.floor(random() * n)
const pick = <T,>(items: readonly T[]): T => items[int(items.length)]

const NASTY_VALUES: unknown[] = [
  null, true, 0, -1, 1e308, 'x', '', '../../etc/passwd', '/abs.jpg', 'C:\\x.jpg', 'a\u0000b', '\u202e', '2025-02-30',
  [], {}, [[[[]]]], { __proto__: { polluted: 1 } }, 'é'.repeat(300), '9'.repeat(400),
]

/** Byte-level damage: flips, overwrites with interesting bytes, cuts, duplicates, inserts. */
function mutateBytes(input: Buffer, focus?: { start: number; end: number }): Buffer {
  let bytes = Buffer.from(input)
  const rounds = 1 + int(4)
  for (let r = 0; r < rounds && bytes.length > 0; r++) {
    const start = focus ? focus.start + int(Math.max(1, focus.end - focus.start)) : int(bytes.length)
    const at = Math.min(start, bytes.length - 1)
    switch (int(6)) {
      case 0:
        bytes[at] ^= 1 << int(8)
        break
      case 1:
        bytes[at] = pick([0x00, 0xff, 0x7f, 0x80, 0x2e, 0x2f, 0x5c, 0x22, 0x7b, 0x5b])
        break
      case 2:
        bytes = bytes.subarray(0, at)
        break
      case 3: {
        const len = 1 + int(16)
        bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at, at + len), bytes.subarray(at)])
        break
      }
      case 4:
        bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(pick(['..', '/', '\\', '"', '{', '}', ',', '\u0000', 'PK\u0003\u0004', '\uffff'])), bytes.subarray(at)])
        break
      default:
        if (at + 4 <= bytes.length) bytes.writeUInt32LE(pick([0, 0xffffffff, 0x7fffffff, 1, 0x10000]), at)
    }
  }
  return bytes
}

/** Structure-level damage to case.json: a field removed, retyped or set to a hostile value. */
function mutateJson(): string {
  const data: unknown = validCaseJson()
  const rounds = 1 + int(3)
  for (let r = 0; r < rounds; r++) {
    const paths: (string | number)[][] = [['schema'], ['caseId'], ['attempt'], ['form', 'dateOfBirth'], ['form', 'firstName'], ['documents'], ['documents', 0, 'file'], ['documents', 0, 'side'], ['selfies', 0, 'file'], ['applicant', 'email'], ['extra' + r], ['locale']]
    const path = pick(paths)
    type Node = Record<string | number, unknown>
    let target = data
    for (const key of path.slice(0, -1)) target = target !== null && typeof target === 'object' ? (target as Node)[key] : undefined
    if (target === null || typeof target !== 'object') continue
    const last = path[path.length - 1]
    if (int(4) === 0) delete (target as Node)[last]
    else (target as Node)[last] = pick(NASTY_VALUES)
  }
  return JSON.stringify(data, null, int(2) ? 2 : undefined)
}

let dir: string
let cleanup: () => void
beforeAll(() => ({ dir, cleanup } = scratch()))
afterAll(() => cleanup())

function check(results: ReadResult[], tally: Record<string, number>) {
  expect(results.length).toBeGreaterThan(0)
  for (const result of results) {
    if (result.ok) {
      tally.ok++
      expect(result.files.length).toBe(result.bundle.documents.length + result.bundle.selfies.length)
      for (const file of result.files) {
        if (file.problem) tally.flagged++
        expect(file.bytes === null || file.bytes.length <= MAX_IMAGE_BYTES).toBe(true)
        expect(typeof file.sniffed).toBe('string')
      }
    } else {
      tally.rejected++
      expect(result.errors.length).toBeGreaterThan(0)
      for (const error of result.errors) {
        expect(error.message.length).toBeGreaterThan(0)
        expect(error.rule.length).toBeGreaterThan(0)
        expect(typeof error.file).toBe('string')
      }
    }
  }
}

it(`survives ${ITERATIONS} mutated bundles (seed ${SEED}): every result is read or rejected with reasons`, async () => {
  const base = validFiles()
  const singleZip = buildZip(zipEntries(base))
  const manyZip = buildZip([...zipEntries(base, 'a/'), ...zipEntries(base, 'b/')])
  // Where the central directory starts: damage there hits names, sizes, modes and offsets.
  const centralOf = (zip: Buffer) => ({ start: zip.readUInt32LE(zip.length - 6), end: zip.length })
  const folder = join(dir, 'case')
  const zipPath = join(dir, 'bundle.zip')
  const tally = { ok: 0, rejected: 0, flagged: 0 }
  const kinds = ['case.json bytes', 'case.json structure', 'image bytes', 'zip bytes', 'zip directory', 'many-zip'] as const

  for (let i = 0; i < ITERATIONS; i++) {
    const kind = kinds[i % kinds.length]
    let path: string
    if (kind === 'zip bytes' || kind === 'zip directory' || kind === 'many-zip') {
      const zip = kind === 'many-zip' ? manyZip : singleZip
      writeFileSync(zipPath, mutateBytes(zip, kind === 'zip directory' ? centralOf(zip) : undefined))
      path = zipPath
    } else {
      const files = new Map(base)
      if (kind === 'case.json bytes') files.set('case.json', mutateBytes(base.get('case.json')!))
      else if (kind === 'case.json structure') files.set('case.json', Buffer.from(mutateJson()))
      else {
        const name = pick(['passport.jpg', 'selfie.png'])
        // Headers matter most: damage the first 64 bytes half of the time.
        files.set(name, mutateBytes(base.get(name)!, int(2) ? { start: 0, end: 64 } : undefined))
      }
      rmSync(folder, { recursive: true, force: true })
      path = writeFolder(folder, files)
    }
    let results: ReadResult[]
    try {
      results = await readAll([path])
    } catch (error) {
      throw new Error(`iteration ${i} (${kind}) threw: ${(error as Error).stack}`)
    }
    check(results, tally)
  }
  // The fuzz must exercise both outcomes and flagged files, or it proves little.
  expect(tally.ok).toBeGreaterThan(ITERATIONS / 10)
  expect(tally.rejected).toBeGreaterThan(ITERATIONS / 10)
  expect(tally.flagged).toBeGreaterThan(ITERATIONS / 50)
}, 120_000)
