import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase, type Db } from '../../../../src/main/db/connection'
import { freshKeys } from '../../../helpers/keys'
import { insertCase } from '../../../../src/main/db/queries/cases'
import { insertAttempt, setAttemptAnalysis } from '../../../../src/main/db/queries/attempts'
import { replaceFindings, type FindingWithOrigin } from '../../../../src/main/db/queries/findings'
import type { Finding } from '../../../../src/shared/domain/finding'

/** A temporary database file, removed by cleanup(). */
export function tempDb(): { db: Db; file: string; key: Buffer; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'kyc-replies-'))
  const file = join(dir, 'kyc-desk.sqlite')
  const key = freshKeys().database
  const db = openDatabase(file, key)
  return { db, file, key, cleanup: () => { try { db.close() } catch { /* already closed */ } rmSync(dir, { recursive: true, force: true }) } }
}

export function finding(cause: Finding['cause'], code: string, severity: Finding['severity'], remedies: string[]): Finding {
  return { cause, code, severity, confidence: 0.9, evidence: {}, explanation: { en: `${cause} ${code}`, 'zh-CN': `${cause} ${code}` }, remedies }
}

export interface SeedCase {
  caseId?: string
  locale?: string
  email?: string
  firstName?: string
  lastName?: string
  nativeName?: string
  dateOfBirth?: string
  findings?: Finding[]
  vendor?: Record<string, unknown>
  thread?: { messageId: string }
  documentFields?: Record<string, string>
}

/** Inserts a case with one attempt and its findings, the way import + analysis would leave it. */
export function seedCase(db: Db, s: SeedCase = {}): number {
  const now = '2025-02-07T10:15:00.000Z'
  const caseId = s.caseId ?? 'BN-2025-000123'
  const form = {
    firstName: s.firstName ?? 'MEI-HUA', lastName: s.lastName ?? 'LIN', ...(s.nativeName ? { nativeName: s.nativeName } : {}),
    dateOfBirth: s.dateOfBirth ?? '1976-01-01', nationality: 'TWN', documentType: 'PASSPORT', documentNumber: '000000000', issuingCountry: 'TWN',
  }
  const bundle = {
    schema: 'kyc-case/1', caseId, attempt: 2, submittedAt: now, status: 'failed', locale: s.locale ?? 'en',
    applicant: { accountId: 'u_8812', email: s.email ?? 'lin.meihua@example.com' }, form,
    documents: [{ file: 'id_front.jpg', side: 'single' }], selfies: [{ file: 'selfie.jpg' }],
    ...(s.vendor ? { vendor: s.vendor } : {}), ...(s.thread ? { thread: s.thread } : {}),
  }
  return db.transaction(() => {
    const casePk = insertCase(db, {
      caseId, accountId: 'u_8812', email: bundle.applicant.email, customerName: `${form.firstName} ${form.lastName}`,
      nativeName: s.nativeName ?? null, country: 'TW', documentType: 'PASSPORT', documentNumber: form.documentNumber,
      locale: bundle.locale, status: 'new', latestAttempt: 2, submittedAt: now,
    }, now)
    const attemptPk = insertAttempt(db, {
      casePk, attempt: 2, submittedAt: now, platformStatus: 'failed', accountId: 'u_8812', documentNumberNorm: form.documentNumber,
      caseJson: JSON.stringify(bundle), contentHash: caseId, sourceLabel: 'test', importedAt: now,
    })
    const findings: FindingWithOrigin[] = (s.findings ?? []).map((f) => ({ ...f, analyser: 'test', analyserVersion: '1' }))
    replaceFindings(db, attemptPk, findings)
    setAttemptAnalysis(db, attemptPk, 'done', {
      analysedAt: now,
      documentData: JSON.stringify({ source: 'mrz', mrz: null, fields: s.documentFields ?? { firstName: 'MEI HUA', lastName: 'LIN', dateOfBirth: '1976-01-01' } }),
    })
    return casePk
  })()
}

/** A blurry-document, dark-selfie case (the end-to-end example). */
export const QUALITY_FINDINGS: Finding[] = [
  finding('FACE_CAPTURE_FAILED', 'TOO_DARK', 'blocker', ['SELFIE_IN_DAYLIGHT', 'RETAKE_SELFIE']),
  finding('DOCUMENT_QUALITY', 'BLURRY', 'blocker', ['RETAKE_DOCUMENT_PHOTO']),
  finding('CLIENT_UNSUPPORTED', 'OUTDATED_BROWSER', 'warning', ['UPDATE_BROWSER', 'TRY_ANOTHER_BROWSER']),
]

export const SECURITY_FINDINGS: Finding[] = [
  ...QUALITY_FINDINGS,
  finding('ACCOUNT_SECURITY_RISK', 'IMPOSSIBLE_TRAVEL', 'blocker', ['SECURE_ACCOUNT', 'CHANGE_PASSWORD', 'ENABLE_TWO_FACTOR', 'ESCALATE_TO_COMPLIANCE']),
]
