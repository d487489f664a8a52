import { CAUSES, UNDISCLOSABLE_CAUSES, type Cause, type Severity } from '../../shared/domain/causes'
import type { RemedyCatalogue, RemedyId, Restriction } from '../../shared/domain/remedy'
import { remedyIndex } from './remedy-catalogue'

/** The part of a finding the composer needs (stored or fresh findings both fit). */
export interface FindingLike {
  cause: Cause
  code: string
  severity: Severity
  remedies: readonly string[]
}

const SEVERITY_RANK: Record<Severity, number> = { blocker: 0, warning: 1, info: 2 }

/** A finding that reveals a fraud or security signal and therefore must stay with the agent. */
export function isUndisclosable(f: FindingLike): boolean {
  return UNDISCLOSABLE_CAUSES.includes(f.cause)
}

/**
 * The remedies the composer starts with, in the order the customer should follow them:
 * blockers before warnings, then by cause rank (causes.ts order), then in the order the
 * analyser listed them; each id once. `info` findings never count as a detected cause and add
 * nothing. Internal-only remedies, and every remedy of an undisclosable finding (telling a
 * possible account thief to "change the password" tips them off), go to `internal` only.
 */
export function preselectRemedies(findings: readonly FindingLike[], catalogue: RemedyCatalogue): { customer: RemedyId[]; internal: RemedyId[] } {
  const known = remedyIndex(catalogue)
  const counted = findings
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => f.severity !== 'info')
    .sort((a, b) =>
      SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] ||
      CAUSES.indexOf(a.f.cause) - CAUSES.indexOf(b.f.cause) ||
      a.i - b.i)
  const customer: RemedyId[] = []
  const internal: RemedyId[] = []
  for (const { f } of counted) {
    for (const raw of f.remedies) {
      const remedy = known.get(raw as RemedyId)
      if (!remedy) continue
      const list = remedy.internalOnly || isUndisclosable(f) ? internal : customer
      if (!list.includes(remedy.id)) list.push(remedy.id)
    }
  }
  // An id that also came from an undisclosable finding stays internal: safer than the order decides.
  return { customer: customer.filter((id) => !internal.includes(id)), internal }
}

export interface VendorLike {
  decision?: string
  rejectType?: string
  labels?: readonly string[]
  comment?: string
}

/**
 * A case with a (non-info) fraud or security finding, or a vendor FINAL rejection, takes the
 * escalation path: decision "escalate" and a holding reply, never a list of reasons.
 */
export function assessRestriction(findings: readonly FindingLike[], vendor: VendorLike | undefined): Restriction {
  const reasons: Restriction['reasons'] = []
  const seen = new Set<string>()
  for (const f of findings) {
    if (f.severity === 'info' || !isUndisclosable(f) || seen.has(f.cause)) continue
    seen.add(f.cause)
    reasons.push(
      f.cause === 'ACCOUNT_SECURITY_RISK'
        ? { code: f.cause, message: { en: 'The account shows a security signal (e.g. a possible takeover). Escalate; the customer must not learn why.', 'zh-CN': '账户存在安全信号（例如可能被盗）。请升级处理，不得让客户知道原因。' } }
        : { code: f.cause, message: { en: 'The identity is also used by another account. Escalate; the customer must not learn why.', 'zh-CN': '该身份也被其他账户使用。请升级处理，不得让客户知道原因。' } },
    )
  }
  if (vendor?.rejectType === 'FINAL') {
    reasons.push({ code: 'VENDOR_FINAL', message: { en: 'The verification vendor rejected this case as FINAL. Escalate; do not tell the customer the vendor’s reasons.', 'zh-CN': '认证服务商将此案件判定为最终拒绝（FINAL）。请升级处理，不要向客户透露服务商的理由。' } })
  }
  return { restricted: reasons.length > 0, reasons }
}
