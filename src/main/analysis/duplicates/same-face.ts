import type { Finding } from '../../../shared/domain/finding'
import { getSelfieEmbedding, faceMatchSettings, similarityFromDistance } from '../face'
import type { AnalysisContext } from '../types'

/** The same face (selfie descriptor within the same-person distance) on other accounts. */
export async function findSameFace(ctx: AnalysisContext): Promise<Finding[]> {
  const embedding = await getSelfieEmbedding(ctx)
  if (!embedding) return []
  const { sameFaceMaxDistance } = faceMatchSettings(ctx.settings)
  const others = await ctx.crossCase!.casesWithSimilarFace(embedding, sameFaceMaxDistance, ctx.bundle.applicant.accountId)
  if (others.length === 0) return []
  const closest = others[0]
  const accounts = [...new Set(others.map((o) => o.accountId))]
  const similarity = Math.round(similarityFromDistance(closest.distance) * 1000) / 1000
  return [
    {
      cause: 'DUPLICATE_IDENTITY',
      code: 'SAME_FACE',
      severity: 'blocker',
      // Closer than the limit → surer; at the limit itself as sure as the face matcher's threshold.
      confidence: Math.round(Math.min(0.99, 0.7 + 0.3 * (1 - closest.distance / sameFaceMaxDistance)) * 100) / 100,
      evidence: {
        distance: Math.round(closest.distance * 1000) / 1000,
        similarity,
        maxDistance: sameFaceMaxDistance,
        otherAccounts: accounts.length,
        otherCases: others.slice(0, 10).map((o) => ({ caseId: o.caseId, attempt: o.attempt, accountId: o.accountId, distance: Math.round(o.distance * 1000) / 1000 })),
      },
      explanation: {
        en: `The selfie's face matches the face of ${accounts.length} other account(s) (closest: ${closest.caseId}, distance ${closest.distance.toFixed(2)}, limit ${sameFaceMaxDistance}). One person may hold one verified account: escalate to compliance; do not tell the customer.`,
        'zh-CN': `自拍中的人脸与其他 ${accounts.length} 个账户的人脸一致（最接近：${closest.caseId}，距离 ${closest.distance.toFixed(2)}，上限 ${sameFaceMaxDistance}）。一人只能拥有一个已认证账户：请升级至合规团队，不要告知客户。`,
      },
      remedies: ['ESCALATE_TO_COMPLIANCE'],
    },
  ]
}
