import type { Finding } from '../../../shared/domain/finding'
import { normaliseDocumentNumber } from '../../../shared/domain/document-number'
import { getDocumentData } from '../document-data'
import type { Analyser, AnalysisContext } from '../types'
import { findSameFace } from './same-face'

const MAX_LISTED = 10

/** Submission times compare as ISO strings in UTC (stored as given; normalised here). */
export const submittedAtIso = (ctx: AnalysisContext) => new Date(ctx.bundle.submittedAt).toISOString()

function documentNumbers(ctx: AnalysisContext, fromDocument: string | undefined): string[] {
  const numbers = new Set([normaliseDocumentNumber(ctx.bundle.form.documentNumber)])
  if (fromDocument) numbers.add(normaliseDocumentNumber(fromDocument))
  return [...numbers].filter((n) => n.length >= 5)
}

async function sameDocumentNumber(ctx: AnalysisContext): Promise<Finding[]> {
  const data = await getDocumentData(ctx)
  const accountId = ctx.bundle.applicant.accountId
  const findings: Finding[] = []
  for (const number of documentNumbers(ctx, data.fields.documentNumber)) {
    const others = await ctx.crossCase!.casesWithDocumentNumber(number, accountId, submittedAtIso(ctx))
    if (others.length === 0) continue
    const accounts = [...new Set(others.map((o) => o.accountId))]
    findings.push({
      cause: 'DUPLICATE_IDENTITY',
      code: 'SAME_DOCUMENT_NUMBER',
      severity: 'blocker',
      confidence: 0.97,
      evidence: {
        documentNumber: number,
        otherAccounts: accounts.length,
        otherCases: others.slice(0, MAX_LISTED).map((o) => ({ caseId: o.caseId, attempt: o.attempt, accountId: o.accountId })),
      },
      explanation: {
        en: `Document number ${number} was also submitted by ${accounts.length} other account(s) (${others.slice(0, 3).map((o) => o.caseId).join(', ')}). One identity document may verify one account only: escalate to compliance; do not tell the customer.`,
        'zh-CN': `证件号码 ${number} 也被其他 ${accounts.length} 个账户提交过（${others.slice(0, 3).map((o) => o.caseId).join('、')}）。一份身份证件只能认证一个账户：请升级至合规团队，不要告知客户。`,
      },
      remedies: ['ESCALATE_TO_COMPLIANCE'],
    })
  }
  return findings
}

/**
 * DUPLICATE_IDENTITY: the same document number (normalised: case, spaces, hyphens, fillers) or the
 * same face on another account anywhere in the database. Needs the database: without one
 * (`kyc-desk analyze` without --data-dir) the check is skipped, never guessed.
 */
export const duplicateIdentityAnalyser: Analyser = {
  id: 'duplicate-identity',
  version: '1',
  causes: ['DUPLICATE_IDENTITY'],
  settingsSections: ['faceMatch'],
  async run(ctx) {
    if (!ctx.crossCase) return []
    return [...(await sameDocumentNumber(ctx)), ...(await findSameFace(ctx))]
  },
}
