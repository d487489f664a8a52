import type { CaseDetail, StoredFinding } from '../../../../src/shared/domain/case'
import type { DocumentData } from '../../../../src/shared/domain/document-data'
import type { Finding } from '../../../../src/shared/domain/finding'
import { compareDates } from '../../../../src/main/analysis/identity-data/compare-dates'
import { compareDocumentNumbers } from '../../../../src/main/analysis/identity-data/compare-document-number'
import { checkDigitMismatches } from '../../../../src/main/analysis/identity-data/check-digit-findings'
import { mismatchFinding } from '../../../../src/main/analysis/identity-data/mismatch-finding'
import { underageFinding } from '../../../../src/main/analysis/identity-data/underage'

const SHA = (c: string) => c.repeat(64)
export const NOW = new Date('2026-11-28T12:00:00Z')
const SETTINGS = { minimumAge: 18, nameTypoMaxEdits: 2, nameTypoMaxEditFraction: 0.34, documentNumberTypoMaxEdits: 2 }

/** The clear values a masked case must never show, in the forms the analysers quote them. */
export const CLEAR = {
  typedNumber: 'L898902C8',
  documentNumber: 'L898902C3',
  typedBirth: '1974-12-08',
  documentBirth: '1974-08-12',
}

export const MRZ = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10']

let id = 1
function stored(f: Finding): StoredFinding {
  return { id: id++, artifact: null, region: null, ...f, analyser: 'identity-data', analyserVersion: '1' } as StoredFinding
}

/**
 * A case as the real analysers leave it: the customer typed the document number with a typo and
 * the date of birth with day and month swapped; the MRZ was read with a failing check digit; the
 * same number is on another account. Explanations and evidence come from the analysers' own code.
 */
export function analysedCase(): CaseDetail {
  const documentData: DocumentData = {
    source: 'mrz',
    mrz: MRZ,
    fields: { lastName: 'ERIKSSON', firstName: 'ANNA MARIA', documentNumber: CLEAR.documentNumber, dateOfBirth: CLEAR.documentBirth, nationality: 'UTO' },
    artifact: 'passport.jpg',
    checks: [{ field: 'documentNumber', valid: true }, { field: 'dateOfBirth', valid: false }],
  }
  const mismatches = [
    ...compareDocumentNumbers(CLEAR.typedNumber, documentData, SETTINGS),
    ...compareDates('dateOfBirth', CLEAR.typedBirth, CLEAR.documentBirth, documentData, NOW),
    ...checkDigitMismatches(documentData),
  ]
  const findings = mismatches.map((m) => stored(mismatchFinding(m, documentData)))
  const underage = underageFinding('2012-08-12', '2026-11-27', documentData, 18, NOW)
  if (underage) findings.push(stored(underage))
  findings.push(stored({
    cause: 'DUPLICATE_IDENTITY', code: 'SAME_DOCUMENT_NUMBER', severity: 'blocker', confidence: 0.97,
    evidence: { documentNumber: CLEAR.documentNumber, otherAccounts: 1, otherCases: [{ caseId: 'BN-2026-000777', attempt: 1, accountId: 'u_7740812' }] },
    explanation: { en: `Document number ${CLEAR.documentNumber} was also submitted by 1 other account(s) (BN-2026-000777).`, 'zh-CN': `证件号码 ${CLEAR.documentNumber} 也被其他 1 个账户提交过。` },
    remedies: ['ESCALATE_TO_COMPLIANCE'],
  }))
  return {
    row: {
      id: 7, caseId: 'BN-2026-000101', attempt: 1, attemptCount: 1, customerName: 'ANNA MARIA ERIKSSON', email: 'anna.eriksson@example.com',
      country: 'SE', documentType: 'PASSPORT', locale: 'en', status: 'new', primaryCause: 'IDENTITY_DATA_MISMATCH', causes: ['IDENTITY_DATA_MISMATCH'],
      submittedAt: '2026-11-27T09:12:00Z', assignee: null, analysisState: 'done',
    },
    attempts: [{
      id: 11, attempt: 1, submittedAt: '2026-11-27T09:12:00Z', importedAt: '2026-11-27T09:20:00Z', platformStatus: 'failed',
      bundle: {
        schema: 'kyc-case/1', caseId: 'BN-2026-000101', attempt: 1,
        form: { firstName: 'ANNA MARIA', lastName: 'ERIKSSON', dateOfBirth: CLEAR.typedBirth, documentNumber: CLEAR.typedNumber, nationality: 'UTO', documentType: 'PASSPORT', issuingCountry: 'UTO' },
        vendor: { name: 'VerifyCo', decision: 'RED', extracted: { documentNumber: 'L898902C3', dateOfBirth: '12.08.1974', mrz: MRZ } },
        account: { createdAt: '2025-01-01T00:00:00Z', twoFactorEnabled: true, logins: [{ at: '2026-11-20T10:00:00Z', ip: '203.0.113.74', country: 'SE', deviceId: 'dev-740812-x', success: true }] },
      },
      files: [{ name: 'passport.jpg', role: 'document', side: 'single', sha256: SHA('7'), mime: 'image/jpeg', width: 10, height: 10, bytes: 100, previewSha256: '740812' + SHA('a').slice(6), thumbSha256: null, problem: null, purgedAt: null }],
      findings, analysisState: 'done', analysedAt: '2026-11-27T09:21:00Z', analysisError: null, primaryCause: 'IDENTITY_DATA_MISMATCH',
      documentData, faces: [],
    }],
    accountCases: [],
  }
}
