import type { Db } from '../db/connection'
import { getArtifact } from '../db/queries/artifacts'
import type { ArtifactStore } from '../store/artifact-store'
import type { CaseDetail } from '../../shared/domain/case'
import { AppError } from '../../shared/result'
import { maskDeep } from '../privacy/mask'
import { compareMaskedFields } from '../privacy/masked-fields'
import { sensitiveValues } from '../privacy/sensitive-values'
import type { AuditService } from './audit-service'

/** What cases:get reads: the case in clear, as stored. */
export interface CaseSource {
  get(id: number): CaseDetail
}

export interface ExportedImage {
  mime: string
  base64: string
  /** What the renderer writes across the image: the agent, the time, the case. */
  watermark: { agent: string; at: string; caseId: string }
}

/**
 * Least exposure in use (issue 9): the case workspace gets document numbers and dates of birth
 * masked until the agent reveals the case, an audited action; the reveal lasts until the agent
 * hides the case again, leaves it, or the window locks. Also records locks and image exports.
 * Reveals are kept in this process only: a restart masks everything again.
 */
export class PrivacyService {
  private readonly revealed = new Set<number>()
  private lockedAt: Date | null = null

  constructor(
    private readonly db: Db,
    private readonly cases: CaseSource,
    private readonly audit: AuditService,
    private readonly store: ArtifactStore,
    private readonly typoMaxEdits: number,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  isRevealed(casePk: number): boolean {
    return this.revealed.has(casePk)
  }

  /** cases:get — masked unless the case has been revealed. */
  getCase(id: number): CaseDetail {
    const clear = this.cases.get(id)
    return this.revealed.has(id) ? { ...clear, masked: false } : this.masked(clear)
  }

  /** cases:reveal — the case in clear, recorded in the audit log (who, when, which case). */
  reveal(id: number, agent?: string): CaseDetail {
    const clear = this.cases.get(id)
    this.audit.record('case.revealed', this.audit.agent(agent), id, { fields: ['documentNumber', 'dateOfBirth'], attempts: clear.attempts.map((a) => a.attempt) })
    this.revealed.add(id)
    return { ...clear, masked: false }
  }

  conceal(id: number): { concealed: true } {
    this.revealed.delete(id)
    return { concealed: true }
  }

  /** Any other output about a case (the composer's fields, the reply preview), masked the same way. */
  maskForCase<T>(casePk: number, value: T): T {
    if (this.revealed.has(casePk)) return value
    return maskDeep(value, sensitiveValues(this.cases.get(casePk), this.clock()))
  }

  /** The window hid everything: every reveal ends with it. */
  lock(reason: 'idle' | 'manual', idleMinutes: number | undefined, agent?: string): { locked: true } {
    const concealed = this.revealed.size
    this.revealed.clear()
    this.lockedAt = this.clock()
    this.audit.record('session.locked', this.audit.agent(agent), null, { reason, ...(idleMinutes !== undefined ? { idleMinutes } : {}), concealedCases: concealed })
    return { locked: true }
  }

  unlock(agent?: string): { locked: false } {
    const seconds = this.lockedAt ? Math.max(0, Math.round((this.clock().getTime() - this.lockedAt.getTime()) / 1000)) : null
    this.lockedAt = null
    this.audit.record('session.unlocked', this.audit.agent(agent), null, { lockedSeconds: seconds })
    return { locked: false }
  }

  /**
   * The bytes of one of the case's images for "Copy image" / "Save image…", with the watermark
   * text the renderer must draw across it; the export is in the audit log before the bytes leave.
   */
  async exportImage(casePk: number, sha256: string, kind: 'copy' | 'save', agent?: string): Promise<ExportedImage> {
    const detail = this.cases.get(casePk)
    const file = detail.attempts.flatMap((a) => a.files).find((f) => f.sha256 === sha256 || f.previewSha256 === sha256 || f.thumbSha256 === sha256)
    const face = detail.attempts.flatMap((a) => a.faces).find((f) => f.cropSha256 === sha256)
    if (!file && !face) throw new AppError('NOT_FOUND', `Case ${detail.row.caseId} has no image ${sha256}.`)
    if (file?.purgedAt) throw new AppError('NOT_FOUND', `The images of ${file.name} were deleted on ${file.purgedAt.slice(0, 10)} under the retention policy.`)
    const artifact = getArtifact(this.db, sha256)
    if (!artifact || !this.store.has(sha256)) throw new AppError('NOT_FOUND', `The image ${sha256} is no longer stored.`)
    const bytes = await this.store.get(sha256)
    const who = this.audit.agent(agent)
    const at = this.clock().toISOString()
    this.audit.record('case.image_exported', who, casePk, { kind, file: file?.name ?? face?.file ?? null, sha256, watermark: true })
    return { mime: artifact.mime, base64: bytes.toString('base64'), watermark: { agent: who, at, caseId: detail.row.caseId } }
  }

  private masked(clear: CaseDetail): CaseDetail {
    const now = this.clock()
    const replacements = sensitiveValues(clear, now)
    const comparisons = clear.attempts.map((a) =>
      compareMaskedFields(a.bundle.form as Record<string, unknown> | undefined, a.documentData, a.findings, now, this.typoMaxEdits),
    )
    const masked = maskDeep(clear, replacements)
    return { ...masked, masked: true, attempts: masked.attempts.map((a, i) => ({ ...a, maskedFields: comparisons[i] })) }
  }
}
