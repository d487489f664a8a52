import type { Db } from '../db/connection'
import { attemptForAnalysis, allAttemptIds, filesForAnalysis, unfinishedAttempts } from '../db/queries/analysis'
import { setAttemptAnalysis } from '../db/queries/attempts'
import { setCaseAnalysisState, setCaseCauses } from '../db/queries/cases'
import { replaceFindings } from '../db/queries/findings'
import type { ArtifactStore } from '../store/artifact-store'
import type { AnalysisPool } from '../analysis/pool'
import type { AnalysisTask, TaskResult } from '../analysis/worker-protocol'
import { replaceFaceObservations } from '../db/queries/faces'
import { deleteFaceEmbedding, hasFaceEmbedding, laterAttemptsWithDocumentNumber, nearestFaces, putFaceEmbedding } from '../db/queries/cross-case'
import { getAttempt } from '../db/queries/attempts'
import { faceMatchSettings } from '../analysis/face/face-settings'
import { insertArtifact } from '../db/queries/artifacts'
import type { FaceObservation } from '../../shared/domain/case'
import { loadAnalysisSettings } from '../analysis/settings'
import type { CaseBundle } from '../../shared/domain/case-bundle'
import type { BundleFile } from '../analysis/types'
import { nameKey } from '../../shared/domain/name-key'

/**
 * Analyses imported attempts in the background through the worker pool and stores the results:
 * findings replaced atomically with the attempt's state and, for a case's latest attempt, the
 * causes shown in the queue. Unfinished work is picked up again at the next start.
 */
export class AnalysisService {
  /** Attempts to analyse, earliest submission first (duplicates look at earlier submissions). */
  private readonly waiting: { id: number; submittedAt: string }[] = []
  private readonly queued = new Set<number>()
  /** Running attempts whose inputs changed meanwhile: analysed again when they finish. */
  private readonly rerun = new Set<number>()
  private active = 0
  private idleWaiters: (() => void)[] = []
  /** Set by stop(): nothing more is started or written (the database is about to close). */
  private stopped = false

  constructor(
    private readonly db: Db,
    private readonly store: ArtifactStore,
    /** The case database as the workers open it for cross-case checks (read-only, same key). */
    private readonly database: { path: string; key: Buffer },
    private readonly pool: AnalysisPool,
    private readonly clock: () => Date = () => new Date(),
    private readonly log: (message: string, error?: unknown) => void = () => {},
  ) {}

  enqueue(attemptPk: number): void {
    if (this.stopped) return
    if (this.queued.has(attemptPk)) {
      if (!this.waiting.some((w) => w.id === attemptPk)) this.rerun.add(attemptPk)
      return
    }
    this.queued.add(attemptPk)
    const submittedAt = getAttempt(this.db, attemptPk)?.submitted_at ?? ''
    let i = this.waiting.length
    while (i > 0 && this.waiting[i - 1].submittedAt > submittedAt) i--
    this.waiting.splice(i, 0, { id: attemptPk, submittedAt })
    setAttemptAnalysis(this.db, attemptPk, 'queued')
    this.pump()
  }

  /**
   * A newly imported attempt, plus the later submissions of other accounts with its document
   * number: duplicates are judged against earlier submissions, and an earlier one may be
   * imported after a later one.
   */
  enqueueImported(attemptPk: number): void {
    this.enqueue(attemptPk)
    const a = getAttempt(this.db, attemptPk)
    if (!a) return
    for (const id of laterAttemptsWithDocumentNumber(this.db, a.document_number_norm, a.account_id, a.submitted_at)) this.enqueue(id)
  }

  resumeUnfinished(): number {
    const ids = unfinishedAttempts(this.db)
    ids.forEach((id) => this.enqueue(id))
    return ids.length
  }

  reanalyseAll(): number {
    const ids = allAttemptIds(this.db)
    ids.forEach((id) => this.enqueue(id))
    return ids.length
  }

  get backlog(): number {
    return this.waiting.length + this.active
  }

  /** Resolves when nothing is waiting or running. */
  idle(): Promise<void> {
    if (this.backlog === 0 || this.stopped) return Promise.resolve()
    return new Promise((resolve) => this.idleWaiters.push(resolve))
  }

  /**
   * Stops taking work before the app closes its database. Cases not finished stay queued in
   * the database and are resumed at the next start.
   */
  stop(): void {
    this.stopped = true
    this.waiting.length = 0
    this.idleWaiters.splice(0).forEach((w) => w())
  }

  private pump(): void {
    if (this.stopped) return
    // Hand the pool only as many cases as it can run, so queued cases' images stay on disk.
    while (this.active < this.pool.size && this.waiting.length) {
      const id = this.waiting.shift()!.id
      this.active++
      void this.process(id).finally(() => {
        this.active--
        this.queued.delete(id)
        if (this.rerun.delete(id)) this.enqueue(id)
        this.pump()
        if (this.backlog === 0) this.idleWaiters.splice(0).forEach((w) => w())
      })
    }
  }

  private async process(attemptPk: number): Promise<void> {
    if (this.stopped) return
    const attempt = attemptForAnalysis(this.db, attemptPk)
    if (!attempt) return
    const isLatest = attempt.attempt === attempt.latest_attempt
    setAttemptAnalysis(this.db, attemptPk, 'running')
    if (isLatest) setCaseAnalysisState(this.db, attempt.case_pk, 'running')
    try {
      const task = await this.buildTask(attempt.case_json, attemptPk)
      const result = await this.pool.run(task)
      if (this.stopped) return
      await this.save(attemptPk, attempt.case_pk, isLatest, task, result)
    } catch (error) {
      if (this.stopped) return
      const message = error instanceof Error ? error.message : String(error)
      this.log(`analysis of attempt ${attemptPk} failed`, error)
      setAttemptAnalysis(this.db, attemptPk, 'failed', { error: message })
      if (isLatest) setCaseAnalysisState(this.db, attempt.case_pk, 'failed')
    }
  }

  private async buildTask(caseJson: string, attemptPk: number): Promise<AnalysisTask> {
    const files = await Promise.all(
      filesForAnalysis(this.db, attemptPk).map(async (f) => ({
        name: f.name,
        role: f.role,
        side: (f.side ?? undefined) as 'front' | 'back' | 'single' | undefined,
        problem: (f.problem ?? undefined) as BundleFile['problem'],
        // A fresh copy per file: its buffer is transferred to the worker.
        bytes: f.sha256 ? new Uint8Array(await this.store.get(f.sha256)) : null,
      })),
    )
    const raw = JSON.parse(caseJson) as CaseBundle
    const bundle = { ...raw, status: raw.status ?? 'failed' }
    return { bundle, files, settings: loadAnalysisSettings(), now: this.clock().toISOString(), dbPath: this.database.path, dbKey: this.database.key.toString('hex') }
  }

  private async save(attemptPk: number, casePk: number, isLatest: boolean, task: AnalysisTask, result: TaskResult): Promise<void> {
    const now = this.clock().toISOString()
    // Face crops are artifacts like any image: stored first, referenced in the transaction.
    const faces: FaceObservation[] = []
    const crops: { sha: string; bytes: number }[] = []
    for (const file of result.faces) {
      for (const [index, face] of file.faces.entries()) {
        const sha = await this.store.put(face.crop)
        crops.push({ sha, bytes: face.crop.byteLength })
        faces.push({ file: file.file, role: file.role, index, box: face.box, score: face.score, pose: face.pose ?? null, cropSha256: sha })
      }
    }
    if (this.stopped) return
    const firstEmbedding = result.selfieEmbedding !== null && !hasFaceEmbedding(this.db, attemptPk)
    this.db.transaction(() => {
      for (const c of crops) insertArtifact(this.db, { sha256: c.sha, mime: 'image/png', bytes: c.bytes, width: null, height: null }, now)
      replaceFaceObservations(this.db, attemptPk, faces)
      if (result.selfieEmbedding) {
        putFaceEmbedding(this.db, attemptPk, result.selfieEmbedding, {
          accountId: task.bundle.applicant.accountId,
          caseId: task.bundle.caseId,
          attempt: task.bundle.attempt,
          dateOfBirth: task.bundle.form.dateOfBirth,
          nameKey: nameKey(task.bundle.form.firstName, task.bundle.form.lastName),
          submittedAt: new Date(task.bundle.submittedAt).toISOString(),
        })
      } else {
        deleteFaceEmbedding(this.db, attemptPk)
      }
      replaceFindings(this.db, attemptPk, result.findings)
      setAttemptAnalysis(this.db, attemptPk, 'done', {
        analysedAt: now,
        primaryCause: result.primaryCause,
        documentData: JSON.stringify(result.documentData),
      })
      if (isLatest) setCaseCauses(this.db, casePk, result.primaryCause, result.causes, 'done', now)
    })()
    // Only a face the index did not know can change what later submissions were compared with.
    if (firstEmbedding) this.recheckLaterLookalikes(attemptPk, task, result.selfieEmbedding!)
  }

  /** Later submissions of other accounts with a face near this one: their duplicate check changes. */
  private recheckLaterLookalikes(attemptPk: number, task: AnalysisTask, embedding: Float32Array): void {
    const { sameFaceMaxDistance } = faceMatchSettings(task.settings)
    const submittedAt = new Date(task.bundle.submittedAt).toISOString()
    for (const near of nearestFaces(this.db, embedding, 25)) {
      if (near.attemptPk !== attemptPk && near.accountId !== task.bundle.applicant.accountId &&
        near.distance <= sameFaceMaxDistance && near.submittedAt > submittedAt) this.enqueue(near.attemptPk)
    }
  }
}
