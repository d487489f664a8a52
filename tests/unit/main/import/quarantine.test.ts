import { existsSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { quarantine, type QuarantineReason } from '../../../../src/main/import'
import { expectRejected, readAll, readOne, scratch, validCaseJson, validFiles, writeFolder, writeZip, zipEntries } from './helpers/bundles'
import { QuarantineWriter, readQuarantined } from '../../../../src/main/store/quarantine-files'
import { freshKeys } from '../../../helpers/keys'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = scratch()))
afterEach(() => cleanup())

const KEY = freshKeys().artifacts.encryption
const qdir = () => join(dir, 'quarantine')
const writer = () => new QuarantineWriter(qdir(), KEY)
/** A quarantined file as the desk reads it back: decrypted in memory. */
const open = (folder: string, name: string) => readQuarantined(qdir(), KEY, join(folder, name))
const reasonOf = async (folder: string) => JSON.parse((await open(folder, 'reason.json')).toString('utf8')) as QuarantineReason

describe('quarantine', () => {
  it('copies a rejected zip with its reasons, leaving the original in place', async () => {
    const zip = writeZip(join(dir, 'in', 'hostile.zip'), [...zipEntries(validFiles()), { name: '../evil', data: 'x' }])
    const original = readFileSync(zip)
    const rejected = expectRejected(await readOne(zip))
    const at = await quarantine(rejected, qdir(), writer(), new Date('2026-11-28T10:00:00Z'))
    expect(at).toBeDefined()
    expect(readdirSync(at!).sort()).toEqual(['original.zip', 'reason.json'])
    expect((await open(at!, 'original.zip')).equals(original)).toBe(true)
    expect(readFileSync(zip).equals(original)).toBe(true)
    expect(await reasonOf(at!)).toMatchObject({ rejectedAt: '2026-11-28T10:00:00.000Z', source: zip, originalPath: zip, copied: ['original.zip'], errors: rejected.errors })
    // On disk: encrypted, and named by the time and a random id, never by the bundle.
    // The 4-byte local-header signature, not bare 'PK': two random ciphertext bytes match 'PK' often enough to flake.
    expect(readFileSync(join(at!, 'original.zip')).includes(Buffer.from('PK\x03\x04', 'latin1'))).toBe(false)
    expect(readFileSync(join(at!, 'reason.json')).includes(Buffer.from('hostile'))).toBe(false)
    expect(at).not.toContain('hostile')
  })

  it("copies a rejected folder's case.json only, with reason.json", async () => {
    const folder = writeFolder(join(dir, 'in', 'case'), validFiles({ 'case.json': { ...validCaseJson(), attempt: 0 } }))
    const rejected = expectRejected(await readOne(folder))
    const at = (await quarantine(rejected, qdir(), writer()))!
    expect(readdirSync(at).sort()).toEqual(['case.json', 'reason.json'])
    expect((await open(at, 'case.json')).toString('utf8')).toBe(readFileSync(join(folder, 'case.json'), 'utf8'))
    expect(readFileSync(join(at, 'case.json')).includes(Buffer.from('"attempt"'))).toBe(false)
    expect((await reasonOf(at)).errors[0]).toMatchObject({ path: 'attempt', rule: 'schema' })
    expect(existsSync(join(folder, 'case.json'))).toBe(true)
  })

  it("copies only the bad case's case.json out of a zip of many", async () => {
    const zip = writeZip(join(dir, 'many.zip'), [...zipEntries(validFiles(), 'good/'), ...zipEntries(validFiles({ 'case.json': '{' }), 'bad/')])
    const [bad, good] = await readAll([zip])
    expect(good.ok).toBe(true)
    const at = (await quarantine(expectRejected(bad), qdir(), writer()))!
    expect(readdirSync(at).sort()).toEqual(['case.json', 'reason.json'])
    expect((await open(at, 'case.json')).toString('utf8')).toBe('{')
    expect((await reasonOf(at)).originalPath).toBe(`${zip}!/bad/case.json`)
  })

  it('never copies what a link outside the bundle points to', async () => {
    const secret = join(dir, 'secret.txt')
    writeFileSync(secret, 'PRIVATE')
    const folder = writeFolder(join(dir, 'case'), validFiles({ 'case.json': null }))
    symlinkSync(secret, join(folder, 'case.json'))
    const at = (await quarantine(expectRejected(await readOne(folder)), qdir(), writer()))!
    expect(readdirSync(at)).toEqual(['reason.json'])
    expect((await reasonOf(at)).notCopied).toMatch(/link leading outside/)
  })

  it('keeps two rejections of the same bundle apart', async () => {
    const rejected = expectRejected(await readOne(join(dir, 'missing')))
    const now = new Date('2026-11-28T10:00:00Z')
    const [a, b] = await Promise.all([quarantine(rejected, qdir(), writer(), now), quarantine(rejected, qdir(), writer(), now)])
    expect(a).not.toBe(b)
    expect(readdirSync(qdir())).toHaveLength(2)
  })

  it('returns undefined instead of throwing when the quarantine cannot be written', async () => {
    writeFileSync(join(dir, 'a-file'), 'x')
    const rejected = expectRejected(await readOne(join(dir, 'missing')))
    expect(await quarantine(rejected, join(dir, 'a-file', 'quarantine'), new QuarantineWriter(join(dir, 'a-file', 'quarantine'), KEY))).toBeUndefined()
  })
})
