import type { DocumentData } from '../../../shared/domain/document-data'
import { characters, describeEdits } from './describe-edits'
import { editsBetween } from './edit-distance'
import type { IdentityDataSettings } from './identity-settings'
import { baseConfidence, sourceWords, type Mismatch } from './mismatch-finding'
import { checkDigit, printedNumberCheckDigit } from './mrz-check-digit'
import { normaliseDocumentNumber } from '../../../shared/domain/document-number'

/** Letter/digit pairs that look alike in print and on keyboards' autocorrect. */
const CONFUSABLE: ReadonlyArray<readonly [string, string]> = [
  ['O', '0'], ['I', '1'], ['S', '5'], ['B', '8'], ['Z', '2'], ['G', '6'],
]

function confusablePair(a: string, b: string): string | null {
  for (const [letter, digit] of CONFUSABLE) if ((a === letter && b === digit) || (a === digit && b === letter)) return `${letter}/${digit}`
  return null
}

/** Spaces, hyphens, dots, slashes and MRZ fillers are layout, not part of the number; case does not count. */
export { normaliseDocumentNumber }

const REMEDIES = ['CHECK_DOCUMENT_NUMBER', 'CORRECT_PERSONAL_DATA']

export function compareDocumentNumbers(typedRaw: string, data: DocumentData, s: IdentityDataSettings): Mismatch[] {
  const documentRaw = data.fields.documentNumber
  if (!documentRaw || data.source === 'none') return []
  const typed = normaliseDocumentNumber(typedRaw)
  const document = normaliseDocumentNumber(documentRaw)
  if (typed === document) return []
  const src = sourceWords(data)
  const base = baseConfidence(data, 'documentNumber')
  const numberCheck = data.checks?.find((c) => c.field === 'documentNumber')
  const printed = printedNumberCheckDigit(data)
  const common = { code: 'DOCUMENT_NUMBER', field: 'documentNumber', typed: typedRaw, document: documentRaw, remedies: REMEDIES }

  // The MRZ read fails its check digit while the typed number passes it: the read is wrong, not the customer.
  if (numberCheck && !numberCheck.valid && printed && typed.length <= 9 && checkDigit(typed.padEnd(9, '<')) === printed) {
    return [
      {
        ...common,
        kind: 'document-read-doubtful',
        severity: 'warning',
        confidence: 0.5,
        details: { printedCheckDigit: printed, typedPassesCheckDigit: true, documentPassesCheckDigit: false },
        explanation: {
          en: `The document number is typed as “${typedRaw}” and read from ${src.en} as “${documentRaw}”. The typed number passes the MRZ check digit (${printed}) and the read one does not, so the document was probably misread: compare the number on the photo by eye.`,
          'zh-CN': `客户填写的证件号码为“${typedRaw}”，从${src['zh-CN']}读到的是“${documentRaw}”。填写的号码能通过机读区校验位（${printed}），读到的号码却不能，说明很可能是证件识别有误：请对照照片人工核对号码。`,
        },
        remedies: ['RETAKE_DOCUMENT_PHOTO'],
      },
    ]
  }

  if (typed.length === document.length) {
    const diffs = [...typed].map((c, i) => ({ position: i + 1, typed: c, document: document[i] })).filter((d) => d.typed !== d.document)
    const pairs = diffs.map((d) => confusablePair(d.typed, d.document))
    if (pairs.every((p) => p !== null)) {
      const confusions = diffs.map((d, i) => ({ ...d, pair: pairs[i] as string }))
      const list = confusions.map((c) => `“${c.typed}” for “${c.document}” at position ${c.position}`).join(', ')
      const listZh = confusions.map((c) => `第${c.position}位把“${c.document}”填成了“${c.typed}”`).join('，')
      return [
        {
          ...common,
          kind: 'confusable-characters',
          severity: 'blocker',
          confidence: base,
          details: { confusions, normalisedTyped: typed, normalisedDocument: document, documentCheckDigitValid: numberCheck?.valid ?? null },
          explanation: {
            en: `The document number is typed as “${typedRaw}” but ${src.en} says “${documentRaw}”: look-alike characters confused (${list}; ${confusions.map((c) => c.pair).join(', ')}).`,
            'zh-CN': `客户填写的证件号码为“${typedRaw}”，而${src['zh-CN']}上为“${documentRaw}”：混淆了形状相似的字符（${listZh}；${confusions.map((c) => c.pair).join('、')}）。`,
          },
        },
      ]
    }
  }

  // The customer copied the check digit that follows the number in the MRZ.
  if (typed.length === document.length + 1 && typed.startsWith(document) && typed.endsWith(checkDigit(document.padEnd(9, '<')))) {
    return [
      {
        ...common,
        kind: 'check-digit-included',
        severity: 'blocker',
        confidence: base,
        details: { extraCharacter: typed.slice(-1) },
        explanation: {
          en: `The document number is typed as “${typedRaw}” but ${src.en} says “${documentRaw}”: the customer added the MRZ check digit “${typed.slice(-1)}” at the end.`,
          'zh-CN': `客户填写的证件号码为“${typedRaw}”，而${src['zh-CN']}上为“${documentRaw}”：客户把机读区的校验位“${typed.slice(-1)}”也填进了号码末尾。`,
        },
      },
    ]
  }

  const edits = editsBetween(typed, document)
  if (edits.length <= s.documentNumberTypoMaxEdits && edits.length < document.length) {
    const how = describeEdits(edits)
    return [
      {
        ...common,
        kind: 'typo',
        severity: 'blocker',
        confidence: base,
        details: { edits, editCount: edits.length, maxEdits: s.documentNumberTypoMaxEdits },
        explanation: {
          en: `The document number is typed as “${typedRaw}” but ${src.en} says “${documentRaw}”: a typo, ${characters(edits.length)} different (${how.en}).`,
          'zh-CN': `客户填写的证件号码为“${typedRaw}”，而${src['zh-CN']}上为“${documentRaw}”：疑似输入错误，相差 ${edits.length} 个字符（${how['zh-CN']}）。`,
        },
      },
    ]
  }
  return [
    {
      ...common,
      kind: 'different',
      severity: 'blocker',
      confidence: base * 0.95,
      details: { editCount: edits.length, maxEdits: s.documentNumberTypoMaxEdits },
      explanation: {
        en: `The document number is typed as “${typedRaw}” but ${src.en} says “${documentRaw}”. These are different numbers (${characters(edits.length)} differ): the customer may have typed the number of another document.`,
        'zh-CN': `客户填写的证件号码为“${typedRaw}”，而${src['zh-CN']}上为“${documentRaw}”。两个号码完全不同（相差 ${edits.length} 个字符）：客户可能填了另一份证件的号码。`,
      },
    },
  ]
}
