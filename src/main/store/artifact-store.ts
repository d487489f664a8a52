import { createHash, createHmac, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, realpathSync, rmSync, statSync } from 'node:fs'
import { rename, mkdir } from 'node:fs/promises'
import { join, sep } from 'node:path'
import type { ArtifactKeys } from '../keys/data-keys'
import { readSealed, writeSealed } from './sealed'
import { QuarantineWriter, readQuarantined } from './quarantine-files'

const SHA256 = /^[a-f0-9]{64}$/

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** What an artifact file is sealed to: its sha256, so a file moved under another name does not open. */
export const artifactLabel = (sha256: string): string => `artifact:${sha256}`

/** The on-disk name of an artifact: HMAC-SHA256 of its sha256 under the naming key. */
export function artifactFileName(naming: Buffer, sha256: string): string {
  return createHmac('sha256', naming).update(sha256).digest('hex')
}

/**
 * Content-addressed, encrypted files. The database knows each artifact by the sha256 of its
 * bytes; on disk it is `store/ab/abcdef…`, named by HMAC-SHA256(naming key, sha256) so that a
 * listing of the folder cannot confirm that a known image (a passport scan found elsewhere) is
 * present, and sealed with AES-256-GCM (store/sealed.ts). Bytes are decrypted in memory only.
 * Files are written to `store-tmp/` and renamed into place, so a crash never leaves a
 * half-written artifact under its name.
 */
export class ArtifactStore {
  readonly root: string
  private readonly tmp: string

  constructor(
    dataDir: string,
    private readonly keys: ArtifactKeys,
    /** The store folder's name under the data dir (another during a key rotation). */
    folder = 'store',
  ) {
    this.root = join(dataDir, folder)
    this.tmp = join(dataDir, `${folder}-tmp`)
    mkdirSync(this.root, { recursive: true })
    mkdirSync(this.tmp, { recursive: true })
  }

  /** The encrypted file of an artifact (its name is not the sha256). */
  pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`Not a sha256: ${sha256}`)
    const name = artifactFileName(this.keys.naming, sha256)
    return join(this.root, name.slice(0, 2), name)
  }

  has(sha256: string): boolean {
    return existsSync(this.pathOf(sha256))
  }

  async put(bytes: Uint8Array): Promise<string> {
    const sha = sha256Of(bytes)
    await this.putAs(sha, bytes)
    return sha
  }

  /** Stores bytes whose sha256 the caller has already computed (a rotation re-encrypting). */
  async putAs(sha256: string, bytes: Uint8Array, options: { sync?: boolean } = {}): Promise<void> {
    const target = this.pathOf(sha256)
    if (existsSync(target)) return
    await mkdir(join(target, '..'), { recursive: true })
    const temp = join(this.tmp, randomBytes(12).toString('hex'))
    await writeSealed(this.keys.encryption, temp, bytes, artifactLabel(sha256), options)
    await rename(temp, target)
  }

  /** The artifact's bytes, decrypted in memory. */
  async get(sha256: string): Promise<Buffer> {
    return readSealed(this.keys.encryption, this.pathOf(sha256), artifactLabel(sha256), `artifact ${sha256}`)
  }

  /** Quarantined files are sealed with the same key as artifacts. */
  quarantineWriter(quarantineDir: string): QuarantineWriter {
    return new QuarantineWriter(quarantineDir, this.keys.encryption)
  }

  /** A quarantined file, decrypted in memory. */
  readQuarantined(quarantineDir: string, file: string): Promise<Buffer> {
    return readQuarantined(quarantineDir, this.keys.encryption, file)
  }

  /** Deletes one stored file (the retention purge); false when it was not there. */
  remove(sha256: string): boolean {
    const file = this.pathOf(sha256)
    if (!existsSync(file)) return false
    rmSync(file, { force: true })
    return true
  }

  /**
   * Deletes files the database does not know (left by an import killed before its commit) and
   * stale temporaries. Returns how many were removed.
   */
  removeOrphans(known: Set<string>): number {
    const names = new Set([...known].filter((sha) => SHA256.test(sha)).map((sha) => artifactFileName(this.keys.naming, sha)))
    let removed = 0
    for (const name of readdirSync(this.tmp)) {
      rmSync(join(this.tmp, name), { force: true })
      removed++
    }
    for (const dir of readdirSync(this.root)) {
      const full = join(this.root, dir)
      if (!statSync(full).isDirectory()) continue
      for (const name of readdirSync(full)) {
        if (!names.has(name)) {
          rmSync(join(full, name), { force: true })
          removed++
        }
      }
    }
    return removed
  }
}

export type ArtifactLookup = { ok: true; sha256: string; file: string } | { ok: false; status: 403 | 404; reason: string }

/**
 * Maps the path of an artifact URL (`/<sha256>`) to a file of the store, refusing anything else:
 * traversal (`..`, encoded or not), absolute paths, other names, and symlinks leading out of the
 * store. Used by the Electron protocol handler and the test web host alike.
 */
export function resolveArtifactRequest(store: ArtifactStore, urlPath: string): ArtifactLookup {
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
  const file = store.pathOf(name)
  if (!existsSync(file)) return { ok: false, status: 404, reason: 'no such artifact' }
  const real = realpathSync(file)
  const realRoot = realpathSync(store.root)
  if (!real.startsWith(realRoot + sep)) return { ok: false, status: 403, reason: 'path outside the store' }
  return { ok: true, sha256: name, file: real }
}

export type ArtifactRead = { ok: true; sha256: string; bytes: Buffer } | { ok: false; status: 403 | 404 | 500; reason: string }

/**
 * An artifact URL answered from memory: confined as above, then decrypted. A file that does not
 * decrypt (changed on disk, wrong key) is a 500, never its raw bytes.
 */
export async function readArtifactRequest(store: ArtifactStore, urlPath: string): Promise<ArtifactRead> {
  const found = resolveArtifactRequest(store, urlPath)
  if (!found.ok) return found
  try {
    return { ok: true, sha256: found.sha256, bytes: await store.get(found.sha256) }
  } catch {
    return { ok: false, status: 500, reason: 'the artifact cannot be decrypted' }
  }
}
