import Database from 'better-sqlite3-multiple-ciphers'
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { applyKey } from '../../src/main/db/connection'
import type { UnlockedKeys } from '../../src/main/keys/data-keys'
import { ArtifactStore } from '../../src/main/store/artifact-store'
import { filesUnder } from './scan-data-dir'

/**
 * Turns an encrypted data dir back into the layout of a data dir from before encryption at rest
 * (session 1): a plaintext WAL database, artifacts in clear named `store/ab/<sha256>`, quarantine
 * files in clear, no keys.json. What an upgrade finds on a desk that ran the earlier version.
 */
export async function decryptToLegacy(dataDir: string, keys: UnlockedKeys): Promise<void> {
  const file = join(dataDir, 'kyc-desk.sqlite')
  const db = new Database(file)
  applyKey(db, keys.database)
  const shas = db.prepare('SELECT sha256 FROM artifacts').pluck().all() as string[]
  db.pragma('journal_mode = DELETE')
  db.pragma("rekey = ''")
  db.pragma('journal_mode = WAL')
  db.close()

  const store = new ArtifactStore(dataDir, keys.artifacts)
  const plain = new Map<string, Buffer>()
  for (const sha of shas) if (store.has(sha)) plain.set(sha, await store.get(sha))
  const quarantine = join(dataDir, 'quarantine')
  const quarantined = new Map<string, Buffer>()
  for (const q of filesUnder(quarantine)) quarantined.set(q, await store.readQuarantined(quarantine, q))

  for (const dir of readdirSync(store.root)) rmSync(join(store.root, dir), { recursive: true, force: true })
  for (const [sha, bytes] of plain) {
    mkdirSync(join(store.root, sha.slice(0, 2)), { recursive: true })
    writeFileSync(join(store.root, sha.slice(0, 2), sha), bytes)
  }
  for (const [q, bytes] of quarantined) writeFileSync(q, bytes)
  rmSync(join(dataDir, 'keys.json'))
}
