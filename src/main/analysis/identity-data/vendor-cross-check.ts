import type { CaseBundle } from '../../../shared/domain/case-bundle'
import type { DocumentData, DocumentFields } from '../../../shared/domain/document-data'
import { parseMrzLines } from '../mrz/parse-mrz'
import type { Mismatch } from './mismatch-finding'

/**
 * The vendor's own reading of the document, as document data, to cross-check our MRZ read
 * with: when our read disagrees with the typed value but the vendor's agrees, the likelier
 * story is that our OCR misread the MRZ (a dropped character shifts a whole name), not that
 * the customer mistyped.
 */
export function vendorDocumentData(bundle: CaseBundle, now: Date): DocumentData | null {
  const extracted = bundle.vendor?.extracted
  if (!extracted) return null
  const { mrz, ...typed } = extracted
  const parsed = mrz && mrz.length > 0 ? parseMrzLines(mrz, now) : null
  const fields: DocumentFields = { ...(parsed?.fields ?? {}) }
  for (const [k, v] of Object.entries(typed) as [keyof DocumentFields, string | undefined][]) if (v !== undefined && v !== '') fields[k] = v
  return { source: 'vendor', mrz: mrz ?? null, fields, ...(parsed ? { mrzFormat: parsed.format, checks: parsed.checks } : {}) }
}

/** Same field, same code: the vendor data shows the difference too. */
function key(m: Mismatch): string {
  return `${m.code}:${m.field}`
}

/** The document field a mismatch is about, to know whether the vendor read it at all. */
const DOCUMENT_FIELD: Readonly<Record<string, (keyof DocumentFields)[]>> = {
  lastName: ['lastName'],
  firstName: ['firstName'],
  name: ['lastName', 'firstName'],
  nativeName: ['lastName', 'firstName'],
  dateOfBirth: ['dateOfBirth'],
  documentExpiry: ['documentExpiry'],
  documentNumber: ['documentNumber'],
  nationality: ['nationality'],
  issuingCountry: ['issuingCountry'],
  sex: ['sex'],
}

/**
 * Turns mismatches found against our MRZ read into info notes where the vendor read the same
 * field as the customer typed it. `againstVendor` is what the same comparisons find against the
 * vendor's data.
 */
export function doubtOwnMisreads(mismatches: Mismatch[], againstVendor: Mismatch[], vendor: DocumentData): Mismatch[] {
  const vendorKeys = new Set(againstVendor.map(key))
  return mismatches.map((m) => {
    const fields = DOCUMENT_FIELD[m.field]
    if (m.severity === 'info' || !fields || m.code === 'MRZ_CHECK_DIGIT' || m.code === 'UNDERAGE') return m
    if (!fields.every((f) => vendor.fields[f] !== undefined) || vendorKeys.has(key(m))) return m
    const vendorValue = fields.map((f) => vendor.fields[f]).join(', ')
    return {
      ...m,
      kind: m.kind,
      severity: 'info',
      confidence: Math.min(m.confidence, 0.5),
      details: { ...(m.details ?? {}), ownReadDoubtful: true, vendorValue },
      explanation: {
        en: `${m.explanation.en} However, the verification vendor read this field as “${vendorValue}”, which agrees with what the customer typed: our reading of the MRZ is probably wrong here. Check the photo by eye.`,
        'zh-CN': `${m.explanation['zh-CN']}不过，验证服务商读取的该字段为“${vendorValue}”，与客户填写的一致：很可能是我们对机读区的识别有误。请对照照片人工核对。`,
      },
      remedies: [],
    }
  })
}
