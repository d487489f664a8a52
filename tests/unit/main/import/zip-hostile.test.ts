import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MAX_ZIP_ENTRIES } from '../../../../src/main/import/limits'
import { expectOk, expectRejected, readAll, readOne, rules, scratch, validFiles, writeZip, zipEntries } from './helpers/bundles'
import type { ZipEntrySpec } from './helpers/zip-writer'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = scratch()))
afterEach(() => cleanup())

const valid = () => zipEntries(validFiles())
const zipOf = (entries: ZipEntrySpec[], name = 'bundle.zip') => writeZip(join(dir, name), entries)

describe('a well-formed zip', () => {
  it('with one case at its root is read, each file with its bytes', async () => {
    const result = expectOk(await readOne(zipOf(valid())))
    expect(result.bundle.caseId).toBe('IMP-2026-000001')
    expect(result.files.map((f) => [f.name, f.role, f.problem, f.sniffed])).toEqual([
      ['passport.jpg', 'document', undefined, 'jpeg'],
      ['selfie.png', 'selfie', undefined, 'png'],
    ])
    expect(result.files[0].bytes?.equals(validFiles().get('passport.jpg')!)).toBe(true)
  })

  it('is recognised by its bytes, whatever its name', async () => {
    const result = expectOk(await readOne(zipOf(valid(), 'export.dat')))
    expect(result.bundle.caseId).toBe('IMP-2026-000001')
  })

  it('with stored (uncompressed) entries is read too', async () => {
    const result = expectOk(await readOne(zipOf(valid().map((e) => ({ ...e, method: 0 })))))
    expect(result.files.every((f) => f.problem === undefined)).toBe(true)
  })
})

describe('hostile entry names reject the whole zip', () => {
  const withExtra = (extra: ZipEntrySpec) => zipOf([...valid(), extra])

  it("refuses a '../' entry name", async () => {
    const result = expectRejected(await readOne(withExtra({ name: '../../home/agent/.bashrc', data: 'echo pwned' })))
    expect(result.errors).toEqual([expect.objectContaining({ rule: 'unsafe-path', file: 'bundle.zip!/../../home/agent/.bashrc' })])
    expect(result.errors[0].message).toMatch(/contains "\.\."/)
  })

  it('refuses a ".." hidden in the middle of a name', async () => {
    expect(rules(await readOne(withExtra({ name: 'docs/../../evil.jpg', data: 'x' })))).toEqual(['unsafe-path'])
  })

  it('refuses an absolute entry name', async () => {
    const result = expectRejected(await readOne(withExtra({ name: '/etc/cron.d/evil', data: 'x' })))
    expect(result.errors[0]).toMatchObject({ rule: 'unsafe-path' })
    expect(result.errors[0].message).toMatch(/absolute path/)
  })

  it('refuses a drive-letter entry name', async () => {
    const result = expectRejected(await readOne(withExtra({ name: 'C:/Windows/evil.dll', data: 'x' })))
    expect(result.errors[0].message).toMatch(/drive letter/)
  })

  it('refuses a backslash entry name (even one that looks harmless)', async () => {
    const result = expectRejected(await readOne(withExtra({ name: 'photos\\selfie.jpg', data: 'x' })))
    expect(result.errors[0]).toMatchObject({ rule: 'unsafe-path' })
    expect(result.errors[0].message).toMatch(/uses \\ as a separator/)
  })

  it('refuses a backslash traversal name', async () => {
    expect(rules(await readOne(withExtra({ name: '..\\..\\evil.exe', data: 'x' })))).toEqual(['unsafe-path'])
  })

  it('refuses a name whose raw bytes hold "../" even when not flagged UTF-8', async () => {
    expect(rules(await readOne(withExtra({ name: Buffer.from('../x.jpg', 'latin1'), data: 'x' })))).toEqual(['unsafe-path'])
  })

  it('refuses control characters in a name', async () => {
    const result = expectRejected(await readOne(withExtra({ name: 'selfie\u0000.jpg', data: 'x' })))
    expect(result.errors[0].file).toBe('bundle.zip!/selfie\\u0000.jpg')
  })

  it('refuses a symbolic link entry (mode bits 0o120000)', async () => {
    const result = expectRejected(await readOne(withExtra({ name: 'link.jpg', data: '/etc/passwd', mode: 0o120777 })))
    expect(result.errors).toEqual([expect.objectContaining({ rule: 'symlink', file: 'bundle.zip!/link.jpg' })])
  })

  it('refuses a symlink even when case.json names it as an image', async () => {
    const files = validFiles()
    files.delete('selfie.png')
    const result = expectRejected(await readOne(zipOf([...zipEntries(files), { name: 'selfie.png', data: '../../../etc/shadow', mode: 0o120777 }])))
    expect(rules(result)).toEqual(['symlink'])
  })

  it('refuses device and pipe entries', async () => {
    expect(rules(await readOne(withExtra({ name: 'fifo', mode: 0o010644 })))).toEqual(['special-file'])
  })

  it('refuses duplicate entry names', async () => {
    const result = expectRejected(await readOne(withExtra({ name: 'passport.jpg', data: 'second copy' })))
    expect(result.errors).toEqual([expect.objectContaining({ rule: 'duplicate-entry', file: 'bundle.zip!/passport.jpg' })])
  })

  it('refuses names that differ only in Unicode normalisation', async () => {
    const files = validFiles()
    const nfc = 'café.jpg'.normalize('NFC')
    const nfd = 'café.jpg'.normalize('NFD')
    expect(rules(await readOne(zipOf([...zipEntries(files), { name: nfc, data: 'a' }, { name: nfd, data: 'b' }])))).toEqual(['duplicate-entry'])
  })

  it('lists every bad name, not just the first', async () => {
    const result = expectRejected(await readOne(zipOf([...valid(), { name: '../a', data: 'x' }, { name: '/b', data: 'x' }, { name: 'c', mode: 0o120777, data: 'x' }])))
    expect(rules(result)).toEqual(['unsafe-path', 'unsafe-path', 'symlink'])
  })
})

describe('zip bombs are rejected before anything is decompressed', () => {
  it('refuses an entry that expands more than 100-fold (ratio)', async () => {
    const result = expectRejected(await readOne(zipOf([...valid(), { name: 'padding.bin', data: Buffer.alloc(8 * 1024 * 1024) }])))
    expect(result.errors).toEqual([expect.objectContaining({ rule: 'zip-bomb', file: 'bundle.zip!/padding.bin' })])
    expect(result.errors[0].message).toMatch(/expands \d+-fold/)
  })

  it('refuses a highly compressible image the case names (ratio applies to named files too)', async () => {
    const files = validFiles({ 'passport.jpg': Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(4 * 1024 * 1024)]) })
    expect(rules(await readOne(zipOf(zipEntries(files))))).toEqual(['zip-bomb'])
  })

  it('refuses an entry declaring more than 512 MiB uncompressed', async () => {
    const result = expectRejected(await readOne(zipOf([...valid(), { name: 'huge.bin', data: randomBytes(1024), method: 8, declaredSize: 1024 * 1024 * 1024 }])))
    expect(result.errors.some((e) => e.rule === 'zip-bomb' && /declares 1 GiB/.test(e.message))).toBe(true)
  })

  it('refuses entries that share compressed data (overlapping-files bomb)', async () => {
    const entries = valid()
    const result = expectRejected(await readOne(zipOf([...entries, { name: 'alias-of-passport.jpg', aliasOf: 1 }])))
    expect(result.errors).toEqual([expect.objectContaining({ rule: 'zip-bomb' })])
    expect(result.errors[0].message).toMatch(/overlap/)
  })

  it(`refuses more than ${MAX_ZIP_ENTRIES} entries without reading them`, async () => {
    const many: ZipEntrySpec[] = Array.from({ length: MAX_ZIP_ENTRIES + 1 - 3 }, (_, i) => ({ name: `f/${i}` }))
    const result = expectRejected(await readOne(zipOf([...valid(), ...many])))
    expect(result.errors).toEqual([expect.objectContaining({ rule: 'too-many-entries', file: 'bundle.zip' })])
    expect(result.errors[0].message).toContain('20,001')
  })

  it('detects an entry longer than it declares while reading (validateEntrySizes), flagging the file', async () => {
    // Declared 100 bytes, really the whole JPEG: the stream is cut, the file flagged, not trusted.
    const files = validFiles()
    const entries = zipEntries(files).map((e) => (e.name === 'passport.jpg' ? { ...e, declaredSize: 100 } : e))
    const result = expectOk(await readOne(zipOf(entries)))
    expect(result.files[0]).toMatchObject({ name: 'passport.jpg', bytes: null, problem: 'unreadable' })
  })
})

describe('damaged entries flag the file, not the case', () => {
  it('flags an image whose CRC-32 does not match', async () => {
    const entries = valid().map((e) => (e.name === 'selfie.png' ? { ...e, crc: 0x12345678 } : e))
    const result = expectOk(await readOne(zipOf(entries)))
    expect(result.files[1]).toMatchObject({ name: 'selfie.png', bytes: null, problem: 'unreadable' })
    expect(result.files[1].problemDetail).toMatch(/CRC-32/)
  })

  it('flags an encrypted image', async () => {
    const entries = valid().map((e) => (e.name === 'selfie.png' ? { ...e, encrypted: true } : e))
    const result = expectOk(await readOne(zipOf(entries)))
    expect(result.files[1]).toMatchObject({ problem: 'unreadable', problemDetail: expect.stringMatching(/encrypted/) })
  })

  it('rejects the case when case.json itself is damaged', async () => {
    const entries = valid().map((e) => (e.name === 'case.json' ? { ...e, crc: 1 } : e))
    const result = expectRejected(await readOne(zipOf(entries)))
    expect(result.errors).toEqual([expect.objectContaining({ rule: 'corrupt-zip', file: 'bundle.zip!/case.json' })])
  })

  it('ignores damage in entries case.json does not name (they are never read)', async () => {
    const result = await readOne(zipOf([...valid(), { name: 'notes.txt', data: 'hello', crc: 99 }]))
    expect(result.ok).toBe(true)
  })

  it('rejects a truncated zip with a readable reason', async () => {
    const path = zipOf(valid())
    const { readFileSync, writeFileSync } = await import('node:fs')
    writeFileSync(path, readFileSync(path).subarray(0, 2000))
    const [result] = await readAll([path])
    expect(rules(result)).toEqual(['corrupt-zip'])
    expect(expectRejected(result).errors[0].message).toMatch(/Not a readable zip/)
  })
})
