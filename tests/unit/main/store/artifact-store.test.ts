import { afterEach, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { ArtifactStore, artifactFileName, readArtifactRequest, resolveArtifactRequest, sha256Of } from '../../../../src/main/store/artifact-store'
import { SEALED_MAGIC, SEALED_OVERHEAD } from '../../../../src/main/store/sealed'
import { freshKeys } from '../../../helpers/keys'

const dirs: string[] = []
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kyc-store-'))
  dirs.push(dir)
  return dir
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF passport P<UTOERIKSSON<<ANNA<MARIA L898902C3')])

describe('ArtifactStore', () => {
  it('stores identical bytes once, known by their sha256, under a keyed name', async () => {
    const keys = freshKeys()
    const store = new ArtifactStore(dataDir(), keys.artifacts)
    const a = await store.put(JPEG)
    const b = await store.put(Buffer.from(JPEG))
    expect(a).toBe(sha256Of(JPEG))
    expect(b).toBe(a)
    expect((await store.get(a)).equals(JPEG)).toBe(true)
    const name = artifactFileName(keys.artifacts.naming, a)
    expect(name).not.toBe(a)
    expect(readdirSync(join(store.root, name.slice(0, 2)))).toEqual([name])
    // Nothing of the sha256 or of the content is on disk in clear.
    expect(JSON.stringify(readdirSync(store.root, { recursive: true }))).not.toContain(a.slice(0, 12))
  })

  it('encrypts each file: header, random nonce, nothing of the bytes in clear', async () => {
    const keys = freshKeys()
    const dir = dataDir()
    const store = new ArtifactStore(dir, keys.artifacts)
    const sha = await store.put(JPEG)
    const onDisk = readFileSync(store.pathOf(sha))
    expect(onDisk.subarray(0, 4).equals(SEALED_MAGIC)).toBe(true)
    expect(onDisk.length).toBe(JPEG.length + SEALED_OVERHEAD)
    expect(onDisk.includes(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false)
    expect(onDisk.includes(Buffer.from('L898902C3'))).toBe(false)
    // The same bytes in another data dir (another key) give another name and other bytes.
    const other = new ArtifactStore(dataDir(), freshKeys().artifacts)
    await other.put(JPEG)
    expect(basename(other.pathOf(sha))).not.toBe(basename(store.pathOf(sha)))
    expect(readFileSync(other.pathOf(sha)).equals(onDisk)).toBe(false)
  })

  it('refuses to decrypt with another key, or a file moved under another artifact', async () => {
    const keys = freshKeys()
    const dir = dataDir()
    const store = new ArtifactStore(dir, keys.artifacts)
    const sha = await store.put(JPEG)
    const other = await store.put(Buffer.from('another image'))
    // Same naming key, wrong encryption key: the file is found but does not open.
    const wrong = new ArtifactStore(dir, { naming: keys.artifacts.naming, encryption: freshKeys().artifacts.encryption })
    await expect(wrong.get(sha)).rejects.toThrow(/cannot be decrypted/)
    // A file copied over another artifact's name does not open as that artifact.
    writeFileSync(store.pathOf(other), readFileSync(store.pathOf(sha)))
    await expect(store.get(other)).rejects.toThrow(/changed or moved/)
    // One flipped bit anywhere is detected.
    const bytes = readFileSync(store.pathOf(sha))
    bytes[bytes.length - 20] ^= 1
    writeFileSync(store.pathOf(sha), bytes)
    await expect(store.get(sha)).rejects.toThrow(/cannot be decrypted/)
  })

  it('removes files the database does not know (left by a killed import)', async () => {
    const store = new ArtifactStore(dataDir(), freshKeys().artifacts)
    const keep = await store.put(Buffer.from('keep'))
    const orphan = await store.put(Buffer.from('orphan'))
    expect(store.removeOrphans(new Set([keep]))).toBe(1)
    expect(store.has(keep)).toBe(true)
    expect(store.has(orphan)).toBe(false)
  })
})

describe('artifact URL confinement', () => {
  it('serves a stored artifact, decrypted, and refuses everything else', async () => {
    const dir = dataDir()
    const store = new ArtifactStore(dir, freshKeys().artifacts)
    const sha = await store.put(JPEG)
    writeFileSync(join(dir, 'secret.txt'), 'not for the renderer')

    expect(resolveArtifactRequest(store, `/${sha}`)).toMatchObject({ ok: true, sha256: sha })
    const read = await readArtifactRequest(store, `/${sha}`)
    expect(read.ok && read.bytes.equals(JPEG)).toBe(true)
    for (const path of ['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/%2e%2e%2fsecret.txt', '/..\\secret.txt', `/${dir}/secret.txt`, '/etc/passwd', '/%252e%252e/x', '/%zz']) {
      const r = resolveArtifactRequest(store, path)
      expect(r.ok, path).toBe(false)
      if (!r.ok) expect([403, 404], path).toContain(r.status)
    }
    expect(resolveArtifactRequest(store, `/${'0'.repeat(64)}`)).toMatchObject({ ok: false, status: 404 })
    // The on-disk name is not an address: asking for it finds nothing.
    expect(resolveArtifactRequest(store, `/${basename(store.pathOf(sha))}`)).toMatchObject({ ok: false, status: 404 })
  })

  it('refuses a symlink in the store that leads outside it', async () => {
    const dir = dataDir()
    const store = new ArtifactStore(dir, freshKeys().artifacts)
    writeFileSync(join(dir, 'outside.txt'), 'outside')
    const fake = 'ab'.repeat(32)
    const file = store.pathOf(fake)
    mkdirSync(join(file, '..'), { recursive: true })
    symlinkSync(join(dir, 'outside.txt'), file)
    expect(resolveArtifactRequest(store, `/${fake}`)).toMatchObject({ ok: false, status: 403 })
    expect(await readArtifactRequest(store, `/${fake}`)).toMatchObject({ ok: false, status: 403 })
  })

  it('answers 500, never the stored bytes, when a file does not decrypt', async () => {
    const dir = dataDir()
    const store = new ArtifactStore(dir, freshKeys().artifacts)
    const sha = await store.put(JPEG)
    writeFileSync(store.pathOf(sha), JPEG)
    expect(await readArtifactRequest(store, `/${sha}`)).toMatchObject({ ok: false, status: 500 })
  })
})
