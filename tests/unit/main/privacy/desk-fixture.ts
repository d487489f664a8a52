import { afterEach } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase, type Db } from '../../../../src/main/db/connection'
import { listAttempts, insertAttemptFile } from '../../../../src/main/db/queries/attempts'
import { insertArtifact } from '../../../../src/main/db/queries/artifacts'
import { insertDecision, setCaseStatus } from '../../../../src/main/db/queries/decisions'
import { replaceFaceObservations } from '../../../../src/main/db/queries/faces'
import { ArtifactStore, sha256Of } from '../../../../src/main/store/artifact-store'
import { freshKeys } from '../../../helpers/keys'
import { AuditService } from '../../../../src/main/services/audit-service'
import { PolicyService } from '../../../../src/main/services/policy-service'
import { STATUS_AFTER, type DecisionKind } from '../../../../src/shared/domain/decision'

export interface Desk {
  dir: string
  db: Db
  store: ArtifactStore
  clock: () => Date
  audit: AuditService
  policy: PolicyService
  cleanup: () => void
}

/** A data dir with a database, a store, the audit log and the desk policy, on a fixed clock. */
export function tempDesk(now: Date): Desk {
  const dir = mkdtempSync(join(tmpdir(), 'kyc-privacy-'))
  const keys = freshKeys()
  const db = openDatabase(join(dir, 'kyc-desk.sqlite'), keys.database)
  const store = new ArtifactStore(dir, keys.artifacts)
  const clock = () => now
  const audit = new AuditService(db, clock)
  const policy = new PolicyService(db, audit, clock)
  return {
    dir, db, store, clock, audit, policy,
    cleanup: () => {
      try { db.close() } catch { /* already closed */ }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** A fresh desk per call, all removed after each test. */
export function desksClosedAfterEach(now: Date): () => Desk {
  const open: Desk[] = []
  afterEach(() => {
    for (const d of open.splice(0)) d.cleanup()
  })
  return () => {
    const d = tempDesk(now)
    open.push(d)
    return d
  }
}

export interface FileSpec {
  name: string
  role: 'document' | 'selfie'
  /** The bytes of the original, the preview and the face crop (same text = same stored file). */
  original: string
  preview?: string
  crop?: string
}

/** Stores the files' bytes and attaches them (and a face crop) to an attempt (default: the case's first). */
export async function attachFiles(db: Db, store: ArtifactStore, casePk: number, files: FileSpec[], attemptPk = listAttempts(db, casePk)[0].id): Promise<Record<string, string>> {
  const shas: Record<string, string> = {}
  const put = async (text: string) => {
    const bytes = Buffer.from(text)
    const sha = await store.put(bytes)
    insertArtifact(db, { sha256: sha, mime: 'image/jpeg', bytes: bytes.length, width: 10, height: 10 }, '2026-01-01T00:00:00.000Z')
    shas[text] = sha
    return sha
  }
  const faces = []
  for (const [position, f] of files.entries()) {
    const sha = await put(f.original)
    const preview = f.preview ? await put(f.preview) : null
    insertAttemptFile(db, attemptPk, { role: f.role, position, name: f.name, side: f.role === 'document' ? 'single' : null, sha256: sha, previewSha256: preview, thumbSha256: null, problem: null })
    if (f.crop) faces.push({ file: f.name, role: f.role, index: 0, box: { x: 0.1, y: 0.1, w: 0.2, h: 0.2 }, score: 0.9, pose: null, cropSha256: await put(f.crop) })
  }
  replaceFaceObservations(db, attemptPk, faces)
  return shas
}

/** Records a decision at `at` and gives the case the status it leads to. */
export function decide(db: Db, casePk: number, kind: DecisionKind, at: string): void {
  const attemptPk = listAttempts(db, casePk)[0].id
  insertDecision(db, { casePk, attemptPk, kind, reason: 'test decision', remedies: [], agent: 'tester', decidedAt: at })
  setCaseStatus(db, casePk, STATUS_AFTER[kind], at)
}

export { sha256Of }
