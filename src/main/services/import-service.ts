import { createHash } from 'node:crypto'
import { join } from 'node:path'
import type { Db } from '../db/connection'
import { findCaseByCaseId, insertCase, refreshAttemptCount, updateCaseForNewAttempt, type CaseFields } from '../db/queries/cases'
import { deleteAttempt, findAttempt, insertAttempt, insertAttemptFile, latestAttemptNumber } from '../db/queries/attempts'
import { deleteUnreferencedArtifacts, insertArtifact } from '../db/queries/artifacts'
import { appendAuditEvent } from '../db/queries/audit'
import { insertQuarantine } from '../db/queries/quarantine'
import type { ArtifactStore } from '../store/artifact-store'
import { sha256Of } from '../store/artifact-store'
import { makePreviews } from '../store/previews'
import { MIME_OF } from '../analysis/image-type'
import { discoverBundles, readBundle, quarantine, type ReadError, type ReadOk } from '../import'
import { normaliseDocumentNumber } from '../../shared/domain/document-number'

export type ItemOutcome = 'imported' | 'added-attempt' | 'replaced' | 'unchanged' | 'rejected'

export interface ImportItemResult {
  outcome: ItemOutcome
  source: string
  caseId?: string
  attempt?: number
  casePk?: number
  attemptPk?: number
  /** Why a bundle was rejected: file, JSON path, rule and a sentence. */
  errors?: ReadError[]
  quarantinedAt?: string
}

export interface ImportProgress {
  processed: number
  imported: number
  unchanged: number
  rejected: number
  current: string
}

export interface ImportOptions {
  replace?: boolean
  signal?: AbortSignal
  onProgress?: (p: ImportProgress) => void
  onItem?: (item: ImportItemResult) => void
  agent?: string
}

/**
 * Brings bundles into the database and the artifact store. Each case is one transaction: the
 * artifact files are written first (content-addressed, so a crash leaves at worst orphans, which
 * the next start removes), then every row of the case commits at once or not at all.
 */
export class ImportService {
  constructor(
    private readonly db: Db,
    private readonly store: ArtifactStore,
    private readonly dataDir: string,
    private readonly clock: () => Date = () => new Date(),
    private readonly onAttemptImported: (attemptPk: number) => void = () => {},
  ) {}

  async importPaths(paths: string[], options: ImportOptions = {}): Promise<ImportItemResult[]> {
    const results: ImportItemResult[] = []
    // Analysis starts once the batch is in: duplicates are judged against earlier submissions,
    // and a batch is rarely in submission order.
    const imported: number[] = []
    const progress: ImportProgress = { processed: 0, imported: 0, unchanged: 0, rejected: 0, current: '' }
    for await (const source of discoverBundles(paths)) {
      if (options.signal?.aborted) break
      const read = await readBundle(source)
      progress.current = read.sourceLabel
      const result = read.ok ? await this.importRead(read, options, imported) : this.reject(read.sourceLabel, read.errors, await quarantine(read, this.quarantineDir(), this.store.quarantineWriter(this.quarantineDir())))
      results.push(result)
      options.onItem?.(result)
      progress.processed++
      if (result.outcome === 'rejected') progress.rejected++
      else if (result.outcome === 'unchanged') progress.unchanged++
      else progress.imported++
      options.onProgress?.({ ...progress })
    }
    imported.forEach((id) => this.onAttemptImported(id))
    return results
  }

  quarantineDir(): string {
    return join(this.dataDir, 'quarantine')
  }

  private reject(source: string, errors: ReadError[], quarantinedAt?: string): ImportItemResult {
    if (quarantinedAt) {
      insertQuarantine(this.db, { at: this.clock().toISOString(), sourceLabel: source, storedAt: quarantinedAt, errors })
    }
    return { outcome: 'rejected', source, errors, quarantinedAt }
  }

  /** Imports one read bundle; its analysis is queued at once, or collected into `deferred`. */
  async importRead(read: ReadOk, options: ImportOptions = {}, deferred?: number[]): Promise<ImportItemResult> {
    const { bundle } = read
    const source = read.sourceLabel
    const fileShas = read.files.map((f) => (f.bytes ? sha256Of(f.bytes) : '-'))
    const contentHash = createHash('sha256').update(read.caseJsonText).update('\0').update(fileShas.join(',')).digest('hex')

    const existingCase = findCaseByCaseId(this.db, bundle.caseId)
    const existingAttempt = existingCase ? findAttempt(this.db, existingCase.id, bundle.attempt) : undefined
    if (existingAttempt) {
      if (existingAttempt.content_hash === contentHash) {
        return { outcome: 'unchanged', source, caseId: bundle.caseId, attempt: bundle.attempt, casePk: existingCase!.id, attemptPk: existingAttempt.id }
      }
      if (!options.replace) {
        return this.reject(source, [{
          file: 'case.json',
          rule: 'conflict',
          message: `Case ${bundle.caseId} attempt ${bundle.attempt} is already in the database with different content. ` +
            'Nothing was changed. Import again with "replace" to overwrite it.',
        }])
      }
    }

    // Slow work (hashing, previews, file writes) happens before the transaction opens.
    // The files of a case are independent: their previews are made in parallel (sharp's threads).
    const stored = await Promise.all(read.files.map(async (f) => {
      let sha: string | null = null
      let previewSha: string | null = null
      let thumbSha: string | null = null
      let problem: string | null = f.problem ?? null
      let width: number | null = null
      let height: number | null = null
      let previewBytes = 0
      let thumbBytes = 0
      if (f.bytes && f.bytes.length > 0) {
        sha = await this.store.put(f.bytes)
        if (!problem) {
          const previews = await makePreviews(f.bytes)
          if (previews) {
            previewSha = await this.store.put(previews.preview)
            thumbSha = await this.store.put(previews.thumb)
            width = previews.width
            height = previews.height
            previewBytes = previews.preview.length
            thumbBytes = previews.thumb.length
          } else {
            problem = 'unreadable'
          }
        }
      }
      return { f, sha, previewSha, thumbSha, problem, width, height, bytes: f.bytes?.length ?? 0, previewBytes, thumbBytes }
    }))

    const now = this.clock().toISOString()
    // Stored in UTC ISO form so that ages sort and compare as strings whatever offset was given.
    const submittedAtUtc = new Date(bundle.submittedAt).toISOString()
    const fields: CaseFields = {
      caseId: bundle.caseId,
      accountId: bundle.applicant.accountId,
      email: bundle.applicant.email,
      customerName: `${bundle.form.firstName} ${bundle.form.lastName}`,
      nativeName: bundle.form.nativeName ?? null,
      country: bundle.form.nationality,
      documentType: bundle.form.documentType,
      documentNumber: bundle.form.documentNumber,
      locale: bundle.locale,
      status: bundle.status === 'pending' ? 'pending' : 'new',
      latestAttempt: bundle.attempt,
      submittedAt: submittedAtUtc,
    }

    const outcome = this.db.transaction((): ImportItemResult => {
      for (const s of stored) {
        if (s.sha) insertArtifact(this.db, { sha256: s.sha, mime: MIME_OF[s.f.sniffed], bytes: s.bytes, width: s.width, height: s.height }, now)
        if (s.previewSha) insertArtifact(this.db, { sha256: s.previewSha, mime: 'image/jpeg', bytes: s.previewBytes, width: null, height: null }, now)
        if (s.thumbSha) insertArtifact(this.db, { sha256: s.thumbSha, mime: 'image/jpeg', bytes: s.thumbBytes, width: null, height: null }, now)
      }
      let casePk: number
      let kind: ItemOutcome
      if (!existingCase) {
        casePk = insertCase(this.db, fields, now)
        kind = 'imported'
      } else {
        casePk = existingCase.id
        if (existingAttempt) {
          deleteAttempt(this.db, existingAttempt.id)
          kind = 'replaced'
        } else {
          kind = 'added-attempt'
        }
      }
      const attemptPk = insertAttempt(this.db, {
        casePk,
        attempt: bundle.attempt,
        submittedAt: submittedAtUtc,
        platformStatus: bundle.status,
        accountId: bundle.applicant.accountId,
        documentNumberNorm: normaliseDocumentNumber(bundle.form.documentNumber),
        caseJson: read.caseJsonText,
        contentHash,
        sourceLabel: source,
        importedAt: now,
      })
      const positions = { document: 0, selfie: 0 }
      for (const s of stored) {
        insertAttemptFile(this.db, attemptPk, {
          role: s.f.role,
          position: positions[s.f.role]++,
          name: s.f.name,
          side: s.f.side ?? null,
          sha256: s.sha,
          previewSha256: s.previewSha,
          thumbSha256: s.thumbSha,
          problem: s.problem,
        })
      }
      if (existingCase && bundle.attempt >= latestAttemptNumber(this.db, casePk)) {
        updateCaseForNewAttempt(this.db, casePk, fields, now)
      }
      refreshAttemptCount(this.db, casePk)
      if (kind === 'replaced') deleteUnreferencedArtifacts(this.db)
      appendAuditEvent(this.db, {
        at: now,
        agent: options.agent ?? 'system',
        action: `case.${kind}`,
        casePk,
        detail: { caseId: bundle.caseId, attempt: bundle.attempt, source },
      })
      return { outcome: kind, source, caseId: bundle.caseId, attempt: bundle.attempt, casePk, attemptPk }
    })()
    if (deferred) deferred.push(outcome.attemptPk!)
    else this.onAttemptImported(outcome.attemptPk!)
    return outcome
  }
}
