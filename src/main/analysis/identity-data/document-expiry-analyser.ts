import type { DocumentData } from '../../../shared/domain/document-data'
import type { Finding } from '../../../shared/domain/finding'
import { getDocumentData } from '../document-data'
import type { Analyser, AnalysisContext } from '../types'
import { DOCUMENT_EXPIRY_SECTION, documentExpirySettings } from './identity-settings'
import { dateInWordsEn, dateInWordsZh, daysBetween, parseDocumentDate } from './parse-date'

export type ExpirySource = 'mrz' | 'vendor' | 'form'

export interface DocumentExpiry {
  date: string
  source: ExpirySource
  /** Whether the MRZ check digit of the expiry date passed (null: no check). */
  checkValid: boolean | null
}

/** The expiry date to judge: the MRZ's, else the vendor's, else the one the customer typed. */
export function documentExpiry(data: DocumentData, typed: string | undefined, now: Date): DocumentExpiry | null {
  if (data.source !== 'none' && data.fields.documentExpiry) {
    const readings = parseDocumentDate(data.fields.documentExpiry, 'expiry', now)
    // An ambiguous vendor date (03/04/2027) is read the way the typed date agrees with, if it does.
    const date = (typed && readings.includes(typed) ? typed : readings[0]) ?? null
    if (date) {
      const check = data.checks?.find((c) => c.field === 'documentExpiry')
      return { date, source: data.source, checkValid: check ? check.valid : null }
    }
  }
  return typed ? { date: typed, source: 'form', checkValid: null } : null
}

const SOURCE_WORDS: Record<ExpirySource, { en: string; zh: string }> = {
  mrz: { en: "the document's machine-readable zone (MRZ)", zh: '证件机读区（MRZ）' },
  vendor: { en: "the verification vendor's reading of the document", zh: '验证服务商读取的证件数据' },
  form: { en: 'the expiry date the customer typed (the document itself could not be read)', zh: '客户填写的有效期（未能从证件本身读取）' },
}

function confidenceOf(e: DocumentExpiry): number {
  if (e.source === 'form') return 0.6
  if (e.checkValid === false) return 0.6
  if (e.source === 'mrz') return e.checkValid ? 0.97 : 0.9
  return e.checkValid ? 0.93 : 0.85
}

function days(n: number): string {
  return `${n} day${n === 1 ? '' : 's'}`
}

/**
 * DOCUMENT_EXPIRED, judged at submission: expired before the day of submission is a blocker
 * (a document is valid through its expiry date); expiring within the setting's days of it
 * is a warning, as a review or resubmission may land after that day.
 */
export async function documentExpiryFindings(ctx: AnalysisContext): Promise<Finding[]> {
  const s = documentExpirySettings(ctx.settings)
  const data = await getDocumentData(ctx)
  const expiry = documentExpiry(data, ctx.bundle.form.documentExpiry, ctx.now)
  if (!expiry) return []
  const submittedOn = ctx.bundle.submittedAt.slice(0, 10)
  const remaining = daysBetween(submittedOn, expiry.date)
  const src = SOURCE_WORDS[expiry.source]
  const fromImage = expiry.source === 'mrz'
  const where = {
    ...(fromImage && data.artifact ? { artifact: data.artifact } : {}),
    ...(fromImage && data.mrzRegion ? { region: data.mrzRegion } : {}),
  }
  const evidence = {
    documentExpiry: expiry.date,
    source: expiry.source,
    submittedOn,
    expiryCheckDigitValid: expiry.checkValid,
    expiresSoonDays: s.expiresSoonDays,
    daysRemainingAtAnalysis: daysBetween(ctx.now.toISOString().slice(0, 10), expiry.date),
  }
  if (remaining < 0) {
    const n = -remaining
    return [
      {
        cause: 'DOCUMENT_EXPIRED',
        code: 'EXPIRED',
        severity: 'blocker',
        confidence: confidenceOf(expiry),
        ...where,
        evidence: { ...evidence, daysExpired: n },
        explanation: {
          en: `The document expired on ${dateInWordsEn(expiry.date)}, ${days(n)} before it was submitted on ${dateInWordsEn(submittedOn)} (expiry date from ${src.en}). An expired document cannot be verified: the customer needs a valid one.`,
          'zh-CN': `证件已于 ${dateInWordsZh(expiry.date)} 过期，比提交日期 ${dateInWordsZh(submittedOn)} 早 ${n} 天（有效期来自${src.zh}）。过期证件无法通过认证：客户需要使用有效证件。`,
        },
        remedies: ['USE_VALID_DOCUMENT'],
      },
    ]
  }
  if (remaining <= s.expiresSoonDays) {
    return [
      {
        cause: 'DOCUMENT_EXPIRED',
        code: 'EXPIRES_SOON',
        severity: 'warning',
        confidence: confidenceOf(expiry) * 0.9,
        ...where,
        evidence: { ...evidence, daysRemaining: remaining },
        explanation: {
          en: `The document expires on ${dateInWordsEn(expiry.date)}, only ${days(remaining)} after it was submitted on ${dateInWordsEn(submittedOn)} (within the ${s.expiresSoonDays}-day limit; expiry date from ${src.en}). If it expires before the review or a resubmission, it will be refused: suggest a document valid for longer.`,
          'zh-CN': `证件将于 ${dateInWordsZh(expiry.date)} 到期，距提交日期 ${dateInWordsZh(submittedOn)} 仅 ${remaining} 天（在 ${s.expiresSoonDays} 天的提醒范围内；有效期来自${src.zh}）。如果在审核或重新提交前到期，将被拒绝：建议客户使用有效期更长的证件。`,
        },
        remedies: ['USE_VALID_DOCUMENT'],
      },
    ]
  }
  return []
}

export const documentExpiryAnalyser: Analyser = {
  id: 'document-expiry',
  version: '1.0.0',
  causes: ['DOCUMENT_EXPIRED'],
  settingsSections: [DOCUMENT_EXPIRY_SECTION],
  run: documentExpiryFindings,
}
