import type { Finding } from '../../../shared/domain/finding'
import type { Analyser, AnalysisContext } from '../types'

/**
 * Document types whose back carries data the verification needs (address, issuing authority,
 * the MRZ of a TD1 card, licence categories), so a front alone is incomplete. Passports are a
 * single data page. A list in code rather than a threshold: it is a fact about documents, not a
 * tunable value; add a type here when the platform starts requiring its back.
 */
export const TWO_SIDED_DOCUMENT_TYPES: ReadonlySet<string> = new Set(['ID_CARD', 'RESIDENCE_PERMIT', 'DRIVING_LICENCE'])

const TYPE_EN: Record<string, string> = { ID_CARD: 'identity card', RESIDENCE_PERMIT: 'residence permit', DRIVING_LICENCE: "driving licence", PASSPORT: 'passport' }
const TYPE_ZH: Record<string, string> = { ID_CARD: '身份证', RESIDENCE_PERMIT: '居留许可', DRIVING_LICENCE: '驾驶证', PASSPORT: '护照' }

/** DOCUMENT_INCOMPLETE: no document at all, or a two-sided document without its back. */
export async function analyseDocumentIncomplete(ctx: AnalysisContext): Promise<Finding[]> {
  const docs = ctx.bundle.documents
  const type = ctx.bundle.form.documentType
  if (docs.length === 0) {
    return [
      {
        cause: 'DOCUMENT_INCOMPLETE',
        code: 'NO_DOCUMENT',
        severity: 'blocker',
        confidence: 0.99,
        evidence: { documents: 0, documentType: type },
        explanation: {
          en: `The case contains no identity document image at all (the customer declared a ${TYPE_EN[type] ?? type}). Ask them to upload a photo of it.`,
          'zh-CN': `此案件中没有任何证件图片（客户申报的证件类型为${TYPE_ZH[type] ?? type}）。请客户上传证件照片。`,
        },
        remedies: ['UPLOAD_DOCUMENT'],
      },
    ]
  }
  if (!TWO_SIDED_DOCUMENT_TYPES.has(type)) return []
  if (docs.some((d) => d.side === 'back')) return []
  const sides = docs.map((d) => d.side)
  return [
    {
      cause: 'DOCUMENT_INCOMPLETE',
      code: 'BACK_SIDE_MISSING',
      severity: 'blocker',
      confidence: 0.95,
      artifact: docs[0].file,
      evidence: { documentType: type, sidesUploaded: sides, required: ['front', 'back'] },
      explanation: {
        en: `The customer uploaded only ${docs.length === 1 ? 'one side' : `${docs.length} images, none marked as the back,`} of a ${TYPE_EN[type] ?? type} (${sides.join(', ')}). This document type needs both the front and the back. Ask for a photo of the back side.`,
        'zh-CN': `客户只上传了${TYPE_ZH[type] ?? type}的${docs.length === 1 ? '一面' : `${docs.length} 张图片，且没有标为背面的`}（${sides.join('、')}）。此类证件需要正反两面，请客户补充上传背面照片。`,
      },
      remedies: ['UPLOAD_BACK_SIDE'],
    },
  ]
}

export const documentIncompleteAnalyser: Analyser = {
  id: 'document-incomplete',
  version: '1',
  causes: ['DOCUMENT_INCOMPLETE'],
  settingsSections: [],
  run: analyseDocumentIncomplete,
}
