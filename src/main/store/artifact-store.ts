import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, realpathSync, rmSync, statSync } from 'node:fs'
import { readFile, rename, writeFile, mkdir } from 'node:fs/promises'
import { join, sep } from 'node:path'

const SHA256 = /^[a-f0-9]{64}$/

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/**
 * Content-addressed files: `store/ab/abcdef…` named by the sha256 of their bytes, so identical
 * files are stored once and a name can never point outside the store. Files are written to
 * `tmp/` and renamed into place, so a crash never leaves a half-written artifact under its name.
 */
export class ArtifactStore {
  readonly root: string
  private readonly tmp: string

  constructor(dataDir: string) {
    this.root = join(dataDir, 'store')
    this.tmp = join(dataDir, 'store-tmp')
    mkdirSync(this.root, { recursive: true })
    mkdirSync(this.tmp, { recursive: true })
  }

  pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`Not a sha256: ${sha256}`)
    return join(this.root, sha256.slice(0, 2), sha256)
  }

  has(sha256: string): boolean {
    return existsSync(this.pathOf(sha256))
  }

  async put(bytes: Uint8Array): Promise<string> {
    const sha = sha256Of(bytes)
    const target = this.pathOf(sha)
    if (existsSync(target)) return sha
    await mkdir(join(this.root, sha.slice(0, 2)), { recursive: true })
    const temp = join(this.tmp, `${sha}.${randomBytes(6).toString('hex')}`)
    await writeFile(temp, bytes)
    await rename(temp, target)
    return sha
  }

  async get(sha256: string): Promise<Buffer> {
    return readFile(this.pathOf(sha256))
  }

  /**
   * Deletes files the database does not know (left by an import killed before its commit) and
   * stale temporaries. Returns how many were removed.
   */
  removeOrphans(known: Set<string>): number {
    let removed = 0
    for (const name of readdirSync(this.tmp)) {
      rmSync(join(this.tmp, name), { force: true })
      removed++
    }
    for (const dir of readdirSync(this.root)) {
      const full = join(this.root, dir)
      if (!statSync(full).isDirectory()) continue
      for (const name of readdirSync(full)) {
        if (!known.has(name)) {
          rmSync(join(full, name), { force: true })
          removed++
        }
      }
    }
    return removed
  }
}

export type ArtifactLookup = { ok: true; file: string } | { ok: false; status: 403 | 404; reason: string }

/**
 * Maps the path of an artifact URL (`/<sha256>`) to a file of the store, refusing anything else:
 * traversal (`..`, encoded or not), absolute paths, other names, and symlinks leading out of the
 * store. Used by the Electron protocol handler and the test web host alike.
 */
export function resolveArtifactRequest(storeRoot: string, urlPath: string): ArtifactLookup {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return { ok: false, status: 403, reason: 'malformed path' }
  }
  const name = decoded.replace(/^\/+/, '')
  if (name.includes('/') || name.includes('\\') || name.includes('..')) {
    return { ok: false, status: 403, reason: 'path outside the store' }
  }
  if (!SHA256.test(name)) return { ok: false, status: 404, reason: 'no such artifact' }
  const file = join(storeRoot, name.slice(0, 2), name)
  if (!existsSync(file)) return { ok: false, status: 404, reason: 'no such artifact' }
  const real = realpathSync(file)
  const realRoot = realpathSync(storeRoot)
  if (!real.startsWith(realRoot + sep)) return { ok: false, status: 403, reason: 'path outside the store' }
  return { ok: true, file: real }
}
