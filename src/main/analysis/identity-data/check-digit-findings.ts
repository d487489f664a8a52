import type { DocumentData } from '../../../shared/domain/document-data'
import { FIELD_WORDS, type Mismatch } from './mismatch-finding'

/**
 * Failed MRZ check digits. The composite digit fails whenever any field's does, so it is
 * reported on its own only when it is the sole failure (then the optional data or the read of
 * it is at fault). Read by the vendor, a failed digit is what its automated check rejected
 * (blocker); read by us, it may be our own misread that correction could not repair (warning).
 */
export function checkDigitMismatches(data: DocumentData): Mismatch[] {
  const failed = (data.checks ?? []).filter((c) => !c.valid)
  if (failed.length === 0 || data.source === 'none') return []
  const fields = failed.filter((c) => c.field !== 'composite')
  const report = fields.length > 0 ? fields : failed
  const ours = data.source === 'mrz'
  const who = ours
    ? { en: 'as read from the document image by KYC Desk', 'zh-CN': '（由 KYC Desk 从证件图片中识别）' }
    : { en: 'as read by the verification vendor', 'zh-CN': '（由验证服务商识别）' }
  return report.map((c) => {
    const words = FIELD_WORDS[c.field] ?? { en: c.field, 'zh-CN': c.field }
    return {
      code: 'MRZ_CHECK_DIGIT',
      field: c.field,
      typed: null,
      document: data.fields[c.field as keyof DocumentData['fields']] ?? null,
      kind: 'check-digit-failed',
      severity: ours ? 'warning' : 'blocker',
      confidence: ours ? 0.6 : 0.7,
      details: { failedChecks: failed.map((f) => f.field), mrz: data.mrz, mrzFormat: data.mrzFormat ?? null },
      explanation: {
        en: `The MRZ check digit of the ${words.en} does not match${failed.length > 1 ? ` (${failed.length} check digits fail: ${failed.map((f) => f.field).join(', ')})` : ''}, ${who.en}. Either the MRZ was misread (glare, blur, a cut-off line) or the document's data is inconsistent; a sharper photo settles which.`,
        'zh-CN': `机读区中${words['zh-CN']}的校验位不符${failed.length > 1 ? `（共 ${failed.length} 个校验位不符：${failed.map((f) => f.field).join('、')}）` : ''}${who['zh-CN']}。可能是机读区识别有误（反光、模糊、行被截断），也可能是证件数据本身不一致；更清晰的照片可以判断是哪一种。`,
      },
      remedies: ['RETAKE_DOCUMENT_PHOTO', 'RETAKE_WITHOUT_GLARE'],
    }
  })
}
