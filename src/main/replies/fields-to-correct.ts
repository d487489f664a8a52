import type { CaseForm } from '../../shared/domain/case-bundle'
import type { DocumentFields } from '../../shared/domain/document-data'
import type { FieldToCorrect } from '../../shared/domain/remedy'
import type { FindingLike } from './case-remedies'

type FieldKey = 'name' | 'dateOfBirth' | 'documentNumber' | 'nationality' | 'sex' | 'issuingCountry' | 'documentExpiry'

const LABELS: Record<FieldKey, FieldToCorrect['label']> = {
  name: { en: 'Name', 'zh-CN': '姓名' },
  dateOfBirth: { en: 'Date of birth', 'zh-CN': '出生日期' },
  documentNumber: { en: 'Document number', 'zh-CN': '证件号码' },
  nationality: { en: 'Nationality', 'zh-CN': '国籍' },
  sex: { en: 'Sex', 'zh-CN': '性别' },
  issuingCountry: { en: 'Issuing country', 'zh-CN': '签发国家' },
  documentExpiry: { en: 'Expiry date', 'zh-CN': '证件有效期' },
}

/** IDENTITY_DATA_MISMATCH sub-codes → the form field they are about. */
const CODE_FIELD: Record<string, FieldKey> = {
  NAME: 'name',
  DATE_OF_BIRTH: 'dateOfBirth',
  DOCUMENT_NUMBER: 'documentNumber',
  MRZ_CHECK_DIGIT: 'documentNumber',
  NATIONALITY: 'nationality',
  SEX: 'sex',
  ISSUING_COUNTRY: 'issuingCountry',
  DOCUMENT_EXPIRY: 'documentExpiry',
}

function joinName(first: string | undefined, last: string | undefined): string {
  return [first, last].filter((s) => s && s.trim()).join(' ').trim()
}

function value(key: FieldKey, source: Partial<CaseForm> | DocumentFields): string {
  if (key === 'name') return joinName(source.firstName, source.lastName)
  return String(source[key] ?? '').trim()
}

/**
 * The "fields to correct" of a reply: one row per mismatching field named by a non-info
 * IDENTITY_DATA_MISMATCH finding, with what the customer typed and what the document shows.
 * A field is listed only when both values are known and differ (else there is nothing to show).
 */
export function fieldsToCorrect(findings: readonly FindingLike[], form: Partial<CaseForm>, document: DocumentFields | null): FieldToCorrect[] {
  const out: FieldToCorrect[] = []
  for (const f of findings) {
    if (f.cause !== 'IDENTITY_DATA_MISMATCH' || f.severity === 'info') continue
    const key = CODE_FIELD[f.code]
    if (!key || out.some((o) => o.field === key) || !document) continue
    const typed = value(key, form)
    const shown = value(key, document)
    if (typed && shown && typed !== shown) out.push({ field: key, label: LABELS[key], typed, document: shown })
  }
  return out
}
