import type { Severity } from '../../../shared/domain/causes'
import type { DocumentData } from '../../../shared/domain/document-data'
import type { Finding, LocalizedText } from '../../../shared/domain/finding'

/** One difference between what the customer typed and what the document says. */
export interface Mismatch {
  code: string
  /** The form field compared: lastName, firstName, name (both), dateOfBirth, documentNumber… */
  field: string
  typed: string | null
  document: string | null
  /** What kind of difference: typo, order-swapped, day-month-swapped, confusable-characters… */
  kind: string
  severity: Severity
  confidence: number
  /** Measured values and the limits they were compared with. */
  details?: Record<string, unknown>
  explanation: LocalizedText
  remedies: string[]
}

/** The finding for a mismatch, pointing at the MRZ on the image when that is where the value came from. */
export function mismatchFinding(m: Mismatch, data: DocumentData): Finding {
  const fromImage = data.source === 'mrz'
  return {
    cause: 'IDENTITY_DATA_MISMATCH',
    code: m.code,
    severity: m.severity,
    confidence: Math.round(Math.min(1, Math.max(0, m.confidence)) * 100) / 100,
    ...(fromImage && data.artifact ? { artifact: data.artifact } : {}),
    ...(fromImage && data.mrzRegion ? { region: data.mrzRegion } : {}),
    evidence: {
      field: m.field,
      typed: m.typed,
      document: m.document,
      kind: m.kind,
      documentSource: data.source,
      ...(m.details ?? {}),
    },
    explanation: m.explanation,
    remedies: m.remedies,
  }
}

/** Where the document's value came from, in words. */
export function sourceWords(data: DocumentData): LocalizedText {
  if (data.source === 'mrz') return { en: "the document's machine-readable zone (MRZ)", 'zh-CN': '证件机读区（MRZ）' }
  return { en: "the verification vendor's reading of the document", 'zh-CN': '验证服务商从证件上读取的数据' }
}

export const FIELD_WORDS: Readonly<Record<string, LocalizedText>> = {
  lastName: { en: 'family name', 'zh-CN': '姓' },
  firstName: { en: 'given names', 'zh-CN': '名' },
  name: { en: 'name', 'zh-CN': '姓名' },
  nativeName: { en: 'name in native script', 'zh-CN': '本国文字姓名' },
  dateOfBirth: { en: 'date of birth', 'zh-CN': '出生日期' },
  documentExpiry: { en: 'expiry date', 'zh-CN': '证件有效期' },
  documentNumber: { en: 'document number', 'zh-CN': '证件号码' },
  nationality: { en: 'nationality', 'zh-CN': '国籍' },
  issuingCountry: { en: 'issuing country', 'zh-CN': '签发国家' },
  sex: { en: 'sex', 'zh-CN': '性别' },
  personalNumber: { en: 'personal number', 'zh-CN': '个人号码' },
  composite: { en: 'whole-line (composite)', 'zh-CN': '整行（综合）' },
}

/**
 * How sure a difference is, before the kind of difference is weighed: a value read from the
 * MRZ whose check digit passes is the document's value beyond reasonable doubt; a failed check
 * digit means the read itself may be wrong; names carry no check digit.
 */
export function baseConfidence(data: DocumentData, field: string): number {
  const check = data.checks?.find((c) => c.field === field)
  if (check && !check.valid) return 0.55
  if (data.source === 'mrz') return check ? 0.95 : 0.85
  return check ? 0.9 : 0.8
}
