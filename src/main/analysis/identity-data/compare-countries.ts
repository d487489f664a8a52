import type { DocumentData } from '../../../shared/domain/document-data'
import { lookupCountry, relateCountries } from './country-codes'
import { baseConfidence, FIELD_WORDS, sourceWords, type Mismatch } from './mismatch-finding'

function named(code: string): string {
  const c = lookupCountry(code)
  return c ? `${code} (${c.name})` : `${code} (not a known country code)`
}

/**
 * Nationality or issuing country: DE, DEU and D are the same state; GBR and GBD are the same
 * state but a different British nationality category (a warning: the customer is British
 * either way, yet the codes differ); anything else that differs is a mismatch.
 */
export function compareCountry(field: 'nationality' | 'issuingCountry', typed: string, data: DocumentData): Mismatch[] {
  const document = data.fields[field]
  if (!document || data.source === 'none') return []
  const relation = relateCountries(typed, document)
  if (relation === 'same') return []
  const words = FIELD_WORDS[field]
  const src = sourceWords(data)
  const code = field === 'nationality' ? 'NATIONALITY' : 'ISSUING_COUNTRY'
  const t = lookupCountry(typed)
  const d = lookupCountry(document)
  const details = {
    typedCountry: t ? { alpha3: t.alpha3, alpha2: t.alpha2 ?? null, name: t.name } : null,
    documentCountry: d ? { alpha3: d.alpha3, alpha2: d.alpha2 ?? null, name: d.name } : null,
  }
  if (relation === 'same-state-other-category') {
    return [
      {
        code,
        field,
        typed,
        document,
        kind: 'british-nationality-category',
        severity: 'warning',
        confidence: baseConfidence(data, field) * 0.9,
        details,
        explanation: {
          en: `The ${words.en} is typed as ${named(typed)} but ${src.en} says ${named(document)}: the same state, but a different British nationality category. Enter the code exactly as on the document.`,
          'zh-CN': `客户填写的${words['zh-CN']}为 ${named(typed)}，而${src['zh-CN']}上为 ${named(document)}：属于同一国家，但英国国籍类别不同。请按证件上的代码填写。`,
        },
        remedies: ['CORRECT_PERSONAL_DATA'],
      },
    ]
  }
  const unknown = relation === 'unknown'
  // A code the ICAO list does not know, read by our own OCR, is far likelier a misread than a real document's code.
  const misread = unknown && data.source === 'mrz' && !d
  return [
    {
      code,
      field,
      typed,
      document,
      kind: unknown ? 'unknown-code' : 'different',
      severity: misread ? 'warning' : 'blocker',
      confidence: misread ? 0.5 : baseConfidence(data, field) * (unknown ? 0.8 : 1),
      details,
      explanation: {
        en: `The ${words.en} is typed as ${named(typed)} but ${src.en} says ${named(document)}.${misread ? ' No document carries that code: the MRZ was probably misread, check the photo by eye.' : unknown ? ' One of the codes is not an ISO 3166 or ICAO code, so they cannot be the same.' : ''}`,
        'zh-CN': `客户填写的${words['zh-CN']}为 ${named(typed)}，而${src['zh-CN']}上为 ${named(document)}。${misread ? '没有证件会使用这个代码：很可能是机读区识别有误，请对照照片人工核对。' : unknown ? '其中一个代码不是 ISO 3166 或 ICAO 国家代码，因此两者不可能一致。' : ''}`,
      },
      remedies: ['CORRECT_PERSONAL_DATA'],
    },
  ]
}
