import type { Finding } from '../../../shared/domain/finding'
import { IMAGE_SECTION } from '../image/image-settings'
import type { Analyser, AnalysisContext } from '../types'
import { checkFile, type FileProblemCode } from './check-file'
import { FILE_SECTION } from './file-settings'
import { explainFileProblem, FILE_REMEDIES } from './wording'

const CONFIDENCE: Record<FileProblemCode, number> = {
  MISSING_FILE: 0.99,
  TRUNCATED: 0.97,
  CORRUPT: 0.95,
  UNSUPPORTED_FORMAT: 0.98,
  TOO_LARGE: 0.95,
  TOO_SMALL: 0.9,
  // The metadata names an editor, which proves the file was re-saved, not that its content was changed.
  EDITED: 0.8,
}

/**
 * Selfies: only what is unmistakably a broken file (cut short, damaged, not an image, empty) is
 * reported here, with the selfie as artifact. A selfie missing from the bundle, and everything
 * about how it was taken, belongs to FACE_CAPTURE_FAILED (NO_SELFIE etc.), so the same fact is
 * not counted under two causes.
 */
const SELFIE_CODES: ReadonlySet<FileProblemCode> = new Set(['TRUNCATED', 'CORRUPT', 'UNSUPPORTED_FORMAT'])

export async function analyseDocumentFiles(ctx: AnalysisContext): Promise<Finding[]> {
  const findings: Finding[] = []
  for (const file of ctx.files) {
    const check = await checkFile(ctx, file)
    for (const p of check.problems) {
      const isSelfie = file.role === 'selfie'
      if (isSelfie && !(SELFIE_CODES.has(p.code) || (p.code === 'TOO_SMALL' && p.evidence.bytes === 0))) continue
      findings.push({
        cause: 'DOCUMENT_FILE_INVALID',
        code: p.code,
        severity: 'blocker',
        confidence: CONFIDENCE[p.code],
        artifact: file.name,
        evidence: { role: file.role, ...(file.side ? { side: file.side } : {}), ...p.evidence },
        explanation: explainFileProblem(p, file.name, isSelfie ? 'selfie' : 'document'),
        remedies: isSelfie ? ['RETAKE_SELFIE', ...FILE_REMEDIES[p.code].filter((r) => r !== 'UPLOAD_DOCUMENT')] : FILE_REMEDIES[p.code],
      })
    }
  }
  return findings
}

export const documentFileAnalyser: Analyser = {
  id: 'document-file',
  version: '1',
  causes: ['DOCUMENT_FILE_INVALID'],
  settingsSections: [FILE_SECTION, IMAGE_SECTION],
  run: analyseDocumentFiles,
}

export { checkFile, type FileCheck, type FileProblem, type FileProblemCode } from './check-file'
export { EDITING_SOFTWARE, editorIn } from './editing-software'
