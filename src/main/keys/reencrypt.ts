import { existsSync, readFileSync, renameSync, rmSync, mkdirSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { z } from 'zod'
import { ExclusiveDatabase } from '../db/reencrypt-copy'
import { isPlaintextDatabase, type OpenOptions } from '../db/connection'
import { ArtifactStore, sha256Of } from '../store/artifact-store'
import { resealFile, sealFileTo } from '../store/sealed'
import { quarantineLabel } from '../store/quarantine-files'
import type { UnlockedKeys } from './data-keys'
import { keyringPath, readKeyring, syncFolder, writeJsonDurably, writeKeyring, type Keyring } from './keyring'
import { removeUserKey, type UserKeyDir } from './user-key'
import { filesUnder } from '../store/files-under'

export const DB_FILE = 'kyc-desk.sqlite'
export const MARKER_FILE = 'reencrypt.json'
/** Where the re-encrypted copies are built before they replace the originals. */
const NEXT = { db: `${DB_FILE}.next`, store: 'store.next', quarantine: 'quarantine.next', keyring: 'keys.next.json' } as const

const MarkerSchema = z.object({
  /** rotate: a new data key (commit = keys.json replaced); encrypt: a data dir from before encryption at rest (commit = the database replaced). */
  kind: z.enum(['rotate', 'encrypt']),
  toKeyId: z.string(),
  startedAt: z.string(),
  /** A user key file made for the new keyring: deleted if the rotation rolls back. */
  newUserKeyFile: z.string().optional(),
  /** The user key file of the old keyring: deleted once the rotation is finished. */
  oldUserKeyFile: z.string().optional(),
})
export type ReencryptMarker = z.infer<typeof MarkerSchema>

export type ReencryptStep =
  | { step: 'database' }
  | { step: 'artifact'; done: number; total: number }
  | { step: 'quarantine'; done: number; total: number }
  | { step: 'commit' }
  | { step: 'finish' }

export interface ReencryptPlan extends OpenOptions {
  /** The keys the data is under now; null: a plaintext data dir from before encryption at rest. */
  from: UnlockedKeys | null
  to: UnlockedKeys
  marker: ReencryptMarker
  /** For a rotation: the keyring of the new data key, written to keys.json at the commit. */
  nextKeyring?: Keyring
  userKeys: UserKeyDir
  /** Called before each step (progress; tests use it to stop the process at a chosen point). */
  onStep?: (step: ReencryptStep) => void
}

export interface ReencryptResult {
  artifacts: number
  /** Artifacts the database lists whose file was already gone (deleted by the retention purge). */
  missing: number
  quarantined: number
}

function writeMarker(dataDir: string, marker: ReencryptMarker): void {
  writeJsonDurably(join(dataDir, MARKER_FILE), marker)
}

/** The bytes of an artifact in a data dir from before encryption at rest: `store/ab/<sha256>`, in clear. */
async function legacyArtifact(dataDir: string, sha: string): Promise<Buffer | undefined> {
  const file = join(dataDir, 'store', sha.slice(0, 2), sha)
  if (!existsSync(file)) return undefined
  const bytes = await readFile(file)
  if (sha256Of(bytes) !== sha) throw new Error(`${file} does not hold the bytes of artifact ${sha}: the store is damaged. Nothing was changed.`)
  return bytes
}

/**
 * Re-encrypts a whole data dir under `plan.to`, crash-safely: the database, every artifact and
 * every quarantined file are copied under the new key beside the originals (`*.next`), a marker
 * says what is under way, and one atomic rename commits (keys.json for a rotation, the database
 * for a first encryption). Until then the originals are untouched and a crash rolls back; after
 * it, the swap is finished. Either way recoverReencryption() completes it at the next open.
 * The database is held exclusively throughout, so no other process writes meanwhile.
 */
export async function reencryptDataDir(dataDir: string, plan: ReencryptPlan): Promise<ReencryptResult> {
  const step = plan.onStep ?? (() => {})
  writeMarker(dataDir, plan.marker)
  if (plan.nextKeyring) writeKeyring(join(dataDir, NEXT.keyring), plan.nextKeyring)
  const result: ReencryptResult = { artifacts: 0, missing: 0, quarantined: 0 }
  let held: ExclusiveDatabase | undefined
  try {
    step({ step: 'database' })
    held = new ExclusiveDatabase(join(dataDir, DB_FILE), plan.from?.database ?? null, plan)
    held.copyTo(join(dataDir, NEXT.db), plan.to.database)

    const shas = held.artifactShas()
    const from = plan.from ? new ArtifactStore(dataDir, plan.from.artifacts) : undefined
    rmSync(join(dataDir, NEXT.store), { recursive: true, force: true })
    const to = new ArtifactStore(dataDir, plan.to.artifacts, NEXT.store)
    for (const [i, sha] of shas.entries()) {
      step({ step: 'artifact', done: i, total: shas.length })
      const bytes = from ? (from.has(sha) ? await from.get(sha) : undefined) : await legacyArtifact(dataDir, sha)
      if (!bytes) {
        result.missing++
        continue
      }
      await to.putAs(sha, bytes, { sync: true })
      result.artifacts++
    }

    const quarantine = join(dataDir, 'quarantine')
    const files = filesUnder(quarantine)
    rmSync(join(dataDir, NEXT.quarantine), { recursive: true, force: true })
    mkdirSync(join(dataDir, NEXT.quarantine), { recursive: true })
    for (const [i, file] of files.entries()) {
      step({ step: 'quarantine', done: i, total: files.length })
      const rel = relative(quarantine, file).split(sep).join('/')
      const target = join(dataDir, NEXT.quarantine, rel)
      mkdirSync(join(target, '..'), { recursive: true })
      const label = quarantineLabel(rel)
      if (plan.from) await resealFile(plan.from.artifacts.encryption, plan.to.artifacts.encryption, file, target, label)
      else await sealFileTo(plan.to.artifacts.encryption, file, target, label)
      result.quarantined++
    }
    syncFolder(dataDir)

    step({ step: 'commit' })
    if (plan.marker.kind === 'rotate') {
      // Commit: from here on keys.json opens only the new copies.
      renameSync(join(dataDir, NEXT.keyring), keyringPath(dataDir))
      syncFolder(dataDir)
      held.release()
    } else {
      held.release()
      replaceDatabase(dataDir)
    }
  } catch (error) {
    held?.release()
    rollBack(dataDir, plan.userKeys, plan.marker)
    throw error
  }
  step({ step: 'finish' })
  finish(dataDir, plan.userKeys, plan.marker)
  return result
}

function replaceDatabase(dataDir: string): void {
  const next = join(dataDir, NEXT.db)
  if (!existsSync(next)) return
  const db = join(dataDir, DB_FILE)
  // The old file was left in rollback-journal mode with no WAL; nothing of it may apply to the copy.
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${db}${suffix}`, { force: true })
  renameSync(next, db)
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${next}${suffix}`, { force: true })
  syncFolder(dataDir)
}

function swapFolder(dataDir: string, name: string, next: string): void {
  const current = join(dataDir, name)
  const staged = join(dataDir, next)
  const old = join(dataDir, `${name}.old`)
  if (existsSync(staged)) {
    if (existsSync(current)) {
      rmSync(old, { recursive: true, force: true })
      renameSync(current, old)
    }
    renameSync(staged, current)
  }
  rmSync(old, { recursive: true, force: true })
}

function finish(dataDir: string, userKeys: UserKeyDir, marker: ReencryptMarker): void {
  replaceDatabase(dataDir)
  swapFolder(dataDir, 'store', NEXT.store)
  swapFolder(dataDir, 'quarantine', NEXT.quarantine)
  rmSync(join(dataDir, `${NEXT.store}-tmp`), { recursive: true, force: true })
  // Temporaries of the old store (in clear, before encryption at rest) go with it.
  rmSync(join(dataDir, 'store-tmp'), { recursive: true, force: true })
  if (marker.oldUserKeyFile) removeUserKey(userKeys, marker.oldUserKeyFile)
  syncFolder(dataDir)
  rmSync(join(dataDir, MARKER_FILE), { force: true })
}

function rollBack(dataDir: string, userKeys: UserKeyDir, marker: ReencryptMarker): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(join(dataDir, `${NEXT.db}${suffix}`), { force: true })
  for (const dir of [NEXT.store, `${NEXT.store}-tmp`, NEXT.quarantine]) rmSync(join(dataDir, dir), { recursive: true, force: true })
  rmSync(join(dataDir, NEXT.keyring), { force: true })
  if (marker.newUserKeyFile) removeUserKey(userKeys, marker.newUserKeyFile)
  syncFolder(dataDir)
  rmSync(join(dataDir, MARKER_FILE), { force: true })
}

function committed(dataDir: string, marker: ReencryptMarker): boolean {
  if (marker.kind === 'rotate') return readKeyring(keyringPath(dataDir))?.keyId === marker.toKeyId
  const db = join(dataDir, DB_FILE)
  return existsSync(db) && statSync(db).size > 0 && !isPlaintextDatabase(db)
}

/**
 * Completes a re-encryption a crash interrupted: rolled back if it had not committed, finished if
 * it had. Needs no key. Run before keys.json is read and before the database is opened.
 */
export function recoverReencryption(dataDir: string, userKeys: UserKeyDir): 'none' | 'rolled-back' | 'finished' {
  const file = join(dataDir, MARKER_FILE)
  if (!existsSync(file)) return 'none'
  let marker: ReencryptMarker
  try {
    marker = MarkerSchema.parse(JSON.parse(readFileSync(file, 'utf8')))
  } catch (error) {
    throw new Error(`${file} is damaged (${(error as Error).message}); an interrupted key change cannot be completed safely. Nothing was changed.`)
  }
  if (committed(dataDir, marker)) {
    finish(dataDir, userKeys, marker)
    return 'finished'
  }
  rollBack(dataDir, userKeys, marker)
  return 'rolled-back'
}
