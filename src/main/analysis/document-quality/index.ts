import type { Finding } from '../../../shared/domain/finding'
import { checkFile } from '../document-file/check-file'
import { FILE_SECTION } from '../document-file/file-settings'
import { decodedImage } from '../image/image-fact'
import { IMAGE_SECTION } from '../image/image-settings'
import { mrzSettings } from '../mrz/mrz-settings'
import type { Analyser, AnalysisContext } from '../types'
import { judgeQuality } from './judge'
import { measureDocument } from './measure'
import { QUALITY_SECTION, qualitySettings } from './quality-settings'
import { explainQuality, QUALITY_REMEDIES } from './wording'

/**
 * DOCUMENT_QUALITY on every document image of the case. Files that are themselves broken
 * (missing, truncated, not an image, a thumbnail) are left to DOCUMENT_FILE_INVALID: their pixels
 * say nothing about how the photo was taken.
 */
export async function analyseDocumentQuality(ctx: AnalysisContext): Promise<Finding[]> {
  const s = qualitySettings(ctx.settings)
  const print = mrzSettings(ctx.settings)
  const findings: Finding[] = []
  for (const file of ctx.files.filter((f) => f.role === 'document')) {
    const fileCheck = await checkFile(ctx, file)
    if (fileCheck.blocksPixelChecks) continue
    const decoded = await decodedImage(ctx, file)
    if (!decoded?.ok) continue
    const m = measureDocument(decoded.image, s, print)
    for (const v of judgeQuality(m, s)) {
      findings.push({
        cause: 'DOCUMENT_QUALITY',
        code: v.code,
        severity: 'blocker',
        confidence: v.confidence,
        artifact: file.name,
        ...(v.region ? { region: v.region } : {}),
        evidence: v.evidence,
        explanation: explainQuality(v, file.name),
        remedies: QUALITY_REMEDIES[v.code],
      })
    }
  }
  return findings
}

export const documentQualityAnalyser: Analyser = {
  id: 'document-quality',
  version: '1',
  causes: ['DOCUMENT_QUALITY'],
  settingsSections: [QUALITY_SECTION, IMAGE_SECTION, FILE_SECTION, 'mrz'],
  run: analyseDocumentQuality,
}

export { measureDocument, type DocumentMeasurements } from './measure'
export { judgeQuality, type QualityVerdict, type QualityCode } from './judge'
export { qualitySettings, type QualitySettings } from './quality-settings'
