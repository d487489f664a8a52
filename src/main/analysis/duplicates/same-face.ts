import type { Finding } from '../../../shared/domain/finding'
import { nameKey } from '../../../shared/domain/name-key'
import { getSelfieEmbedding, faceMatchSettings, similarityFromDistance } from '../face'
import type { AnalysisContext } from '../types'

const round3 = (x: number) => Math.round(x * 1000) / 1000

/**
 * The same face (selfie descriptors within the same-person distance) on other accounts.
 *
 * A descriptor match alone is evidence, not proof: at the calibrated limit lookalikes still
 * pass (docs/analysis/face.md: two different men 0.640 apart), and at 100,000 accounts every
 * face has near neighbours. So a face match is a blocker when it is corroborated — the other
 * account was opened under the same date of birth or the same name, i.e. one person holding
 * two accounts — and otherwise an info finding that lists the look-alike accounts for the agent
 * to compare by eye (it does not count as a detected cause). The same document number on
 * another account is its own blocker (SAME_DOCUMENT_NUMBER). See docs/analysis.md.
 */
export async function findSameFace(ctx: AnalysisContext): Promise<Finding[]> {
  const embedding = await getSelfieEmbedding(ctx)
  if (!embedding) return []
  const { sameFaceMaxDistance } = faceMatchSettings(ctx.settings)
  const others = await ctx.crossCase!.casesWithSimilarFace(embedding, sameFaceMaxDistance, ctx.bundle.applicant.accountId, new Date(ctx.bundle.submittedAt).toISOString())
  if (others.length === 0) return []
  const ownDob = ctx.bundle.form.dateOfBirth
  const ownName = nameKey(ctx.bundle.form.firstName, ctx.bundle.form.lastName)
  const corroborated = others.filter((o) => o.dateOfBirth === ownDob || o.nameKey === ownName)
  const listed = corroborated.length ? corroborated : others
  const closest = listed[0]
  const accounts = [...new Set(listed.map((o) => o.accountId))]
  const evidence = {
    distance: round3(closest.distance),
    similarity: round3(similarityFromDistance(closest.distance)),
    maxDistance: sameFaceMaxDistance,
    corroboratedBy: corroborated.length ? (closest.dateOfBirth === ownDob ? 'date of birth' : 'name') : null,
    otherAccounts: accounts.length,
    otherCases: listed.slice(0, 10).map((o) => ({ caseId: o.caseId, attempt: o.attempt, accountId: o.accountId, distance: round3(o.distance) })),
  }
  if (corroborated.length) {
    const what = evidence.corroboratedBy === 'date of birth' ? 'the same date of birth' : 'the same name'
    const whatZh = evidence.corroboratedBy === 'date of birth' ? '相同的出生日期' : '相同的姓名'
    return [{
      cause: 'DUPLICATE_IDENTITY',
      code: 'SAME_FACE',
      severity: 'blocker',
      confidence: round3(Math.min(0.99, 0.8 + 0.2 * (1 - closest.distance / sameFaceMaxDistance))),
      evidence,
      explanation: {
        en: `The selfie's face matches ${accounts.length} other account(s) opened under ${what} (closest: ${closest.caseId}, distance ${closest.distance.toFixed(2)}, limit ${sameFaceMaxDistance}): one person appears to hold several accounts. Escalate to compliance; do not tell the customer.`,
        'zh-CN': `自拍人脸与其他 ${accounts.length} 个使用${whatZh}开立的账户一致（最接近：${closest.caseId}，距离 ${closest.distance.toFixed(2)}，上限 ${sameFaceMaxDistance}）：同一人似乎持有多个账户。请升级至合规团队，不要告知客户。`,
      },
      remedies: ['ESCALATE_TO_COMPLIANCE'],
    }]
  }
  return [{
    cause: 'DUPLICATE_IDENTITY',
    code: 'SAME_FACE',
    severity: 'info',
    confidence: round3(0.5 * (1 - closest.distance / sameFaceMaxDistance) + 0.3),
    evidence,
    explanation: {
      en: `The selfie's face resembles ${accounts.length} other account(s) with another name and date of birth (closest: ${closest.caseId}, distance ${closest.distance.toFixed(2)}, limit ${sameFaceMaxDistance}). A resemblance alone is not proof: compare the faces by eye before acting.`,
      'zh-CN': `自拍人脸与其他 ${accounts.length} 个姓名和出生日期不同的账户相似（最接近：${closest.caseId}，距离 ${closest.distance.toFixed(2)}，上限 ${sameFaceMaxDistance}）。仅相似不足以证明：请先人工比对人脸。`,
    },
    remedies: [],
  }]
}
