import { afterEach, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ArtifactStore, resolveArtifactRequest, sha256Of } from '../../../../src/main/store/artifact-store'

const dirs: string[] = []
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kyc-store-'))
  dirs.push(dir)
  return dir
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

describe('ArtifactStore', () => {
  it('stores identical bytes once, under their sha256', async () => {
    const store = new ArtifactStore(dataDir())
    const bytes = Buffer.from('passport bytes')
    const a = await store.put(bytes)
    const b = await store.put(Buffer.from('passport bytes'))
    expect(a).toBe(sha256Of(bytes))
    expect(b).toBe(a)
    expect((await store.get(a)).toString()).toBe('passport bytes')
    expect(readdirSync(join(store.root, a.slice(0, 2)))).toEqual([a])
  })

  it('removes files the database does not know (left by a killed import)', async () => {
    const store = new ArtifactStore(dataDir())
    const keep = await store.put(Buffer.from('keep'))
    const orphan = await store.put(Buffer.from('orphan'))
    expect(store.removeOrphans(new Set([keep]))).toBe(1)
    expect(store.has(keep)).toBe(true)
    expect(store.has(orphan)).toBe(false)
  })
})

describe('artifact URL confinement', () => {
  it('serves a stored artifact and refuses everything else', async () => {
    const dir = dataDir()
    const store = new ArtifactStore(dir)
    const sha = await store.put(Buffer.from('image'))
    writeFileSync(join(dir, 'secret.txt'), 'not for the renderer')

    expect(resolveArtifactRequest(store.root, `/${sha}`)).toMatchObject({ ok: true })
    for (const path of ['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/%2e%2e%2fsecret.txt', '/..\\secret.txt', `/${dir}/secret.txt`, '/etc/passwd', '/%252e%252e/x', '/%zz']) {
      const r = resolveArtifactRequest(store.root, path)
      expect(r.ok, path).toBe(false)
      if (!r.ok) expect([403, 404], path).toContain(r.status)
    }
    expect(resolveArtifactRequest(store.root, `/${'0'.repeat(64)}`)).toMatchObject({ ok: false, status: 404 })
  })

  it('refuses a symlink in the store that leads outside it', async () => {
    const dir = dataDir()
    const store = new ArtifactStore(dir)
    writeFileSync(join(dir, 'outside.txt'), 'outside')
    const fake = 'ab'.repeat(32)
    mkdirSync(join(store.root, 'ab'), { recursive: true })
    symlinkSync(join(dir, 'outside.txt'), join(store.root, 'ab', fake))
    expect(resolveArtifactRequest(store.root, `/${fake}`)).toMatchObject({ ok: false, status: 403 })
  })
})
