import type { Finding } from '../../../shared/domain/finding'
import type { Analyser } from '../types'
import { portraitProblems, viewConfidence } from './capture-checks'
import { faceCaptureSettings, faceMatchSettings } from './face-settings'
import { bestSelfieFace, documentPortrait, getFaceImage, portraitDocuments, type DocumentPortrait } from './facts'
import { distanceFromSimilarity, faceDistance, similarityFromDistance } from './similarity'

const r3 = (x: number) => Math.round(x * 1000) / 1000

/**
 * Median similarity of different-person pairs in calibration (distance 0.839, docs/analysis/face.md):
 * a pair that far below the threshold is an unmistakable mismatch.
 */
const IMPOSTOR_MEDIAN_SIMILARITY = 0.301

const PORTRAIT_PROBLEM_EN: Record<string, string> = { TOO_DARK: 'too dark', OVEREXPOSED: 'washed out', BLURRY: 'blurred' }
const PORTRAIT_PROBLEM_ZH: Record<string, string> = { TOO_DARK: '过暗', OVEREXPOSED: '过曝', BLURRY: '模糊' }

/** A portrait was found but one side is unusable: say so instead of guessing a similarity. */
function notComparable(portrait: DocumentPortrait, evidence: Finding['evidence'], explanation: Finding['explanation']): Finding {
  return { cause: 'FACE_MISMATCH', code: 'NOT_COMPARABLE', severity: 'info', confidence: 1, artifact: portrait.file, region: portrait.face.region, evidence, explanation, remedies: [] }
}

/**
 * FACE_MISMATCH: compares the document's portrait (largest face on the front/single side) with
 * the best usable selfie face. A mismatch is only reported when both faces are there and usable;
 * otherwise the comparison is reported as not possible, never guessed.
 */
export const faceMatchAnalyser: Analyser = {
  id: 'face-match',
  version: '2',
  causes: ['FACE_MISMATCH'],
  settingsSections: ['faceMatch', 'faceCapture'],
  async run(ctx) {
    const s = faceMatchSettings(ctx.settings)
    const documents = portraitDocuments(ctx)
    const readable: string[] = []
    for (const file of documents) if ((await getFaceImage(ctx, file)).ok) readable.push(file.name)
    if (readable.length === 0) {
      return [{
        cause: 'FACE_MISMATCH',
        code: 'NOT_COMPARABLE',
        severity: 'info',
        confidence: 1,
        evidence: { reason: 'no readable document image', documents: documents.map((d) => d.name) },
        explanation: {
          en: 'The faces could not be compared: there is no readable document image to take the portrait from.',
          'zh-CN': '无法比对人脸：没有可读取的证件图片来提取证件照。',
        },
        remedies: [],
      }]
    }
    const portrait = await documentPortrait(ctx)
    if (!portrait) {
      return [{
        cause: 'FACE_MISMATCH',
        code: 'NO_PORTRAIT_ON_DOCUMENT',
        severity: 'warning',
        confidence: 0.75,
        artifact: readable[0],
        evidence: { documentsSearched: readable, facesFound: 0 },
        explanation: {
          en: `No portrait was found on ${readable.join(', ')}, so the selfie could not be compared with it. Check that the front side with the photo was uploaded and that the photo is not covered by glare or cut off.`,
          'zh-CN': `在 ${readable.join('、')} 上未找到证件照，因此无法与自拍比对。请确认客户上传的是带照片的正面，且照片没有反光或被裁掉。`,
        },
        remedies: ['RETAKE_DOCUMENT_PHOTO', 'SHOW_WHOLE_DOCUMENT'],
      }]
    }
    const problems = portraitProblems(portrait.face, faceCaptureSettings(ctx.settings), s)
    if (problems.length > 0) {
      const codes = problems.map((p) => p.code)
      return [notComparable(portrait, { reason: `the document portrait is not usable (${codes.join(', ')})`, portraitFile: portrait.file, ...Object.assign({}, ...problems.map((p) => ({ ...p.measured, ...p.limits }))) }, {
        en: `The document portrait on ${portrait.file} was not compared with the selfie: it is ${codes.map((c) => PORTRAIT_PROBLEM_EN[c]).join(' and ')}, so a low similarity would say nothing about who is on it. No mismatch is claimed; see the document-quality finding.`,
        'zh-CN': `未将 ${portrait.file} 上的证件照与自拍比对：证件照${codes.map((c) => PORTRAIT_PROBLEM_ZH[c]).join('且')}，相似度低也无法说明照片上是谁。此处不判定为人脸不符；请参见证件质量的检查结果。`,
      })]
    }
    const selfie = await bestSelfieFace(ctx)
    if (!selfie || !selfie.usable) {
      const blockers = selfie ? selfie.issues.filter((i) => i.severity === 'blocker').map((i) => i.code) : []
      const why = !selfie ? 'no face found in any selfie' : `the selfie face is not usable (${blockers.join(', ')})`
      return [notComparable(portrait, { reason: why, portraitFile: portrait.file, ...(selfie ? { selfieFile: selfie.file, selfieRegion: selfie.face.region } : {}) }, {
        en: `The document portrait was not compared with the selfie: ${why}. See the face-capture finding; no mismatch is claimed.`,
        'zh-CN': `未将证件照与自拍比对：${!selfie ? '所有自拍中均未检测到人脸' : '自拍人脸不可用（' + blockers.join('、') + '）'}。请参见人脸采集的检查结果；此处不判定为人脸不符。`,
      })]
    }
    const distance = faceDistance(portrait.face.descriptor, selfie.face.descriptor)
    // A face only a retry view of the detector found has less certain landmarks, so a less certain crop.
    const sureness = Math.min(viewConfidence(portrait.face), viewConfidence(selfie.face))
    const similarity = similarityFromDistance(distance)
    const evidence = {
      similarity: r3(similarity),
      threshold: s.minSimilarity,
      clearMismatchBelow: s.clearMismatchSimilarity,
      distance: r3(distance),
      maxDistance: r3(distanceFromSimilarity(s.minSimilarity)),
      portraitFile: portrait.file,
      portraitRegion: portrait.face.region,
      portraitFaceIndex: portrait.face.index,
      selfieFile: selfie.file,
      selfieRegion: selfie.face.region,
      selfieFaceIndex: selfie.face.index,
      detectionViews: { portrait: portrait.face.view, selfie: selfie.face.view },
    }
    if (similarity >= s.minSimilarity) {
      return [{
        cause: 'FACE_MISMATCH',
        code: 'FACES_MATCH',
        severity: 'info',
        confidence: r3((0.6 + 0.35 * Math.min(1, (similarity - s.minSimilarity) / Math.max(1e-6, 1 - s.minSimilarity) * 3)) * sureness),
        artifact: portrait.file,
        region: portrait.face.region,
        evidence,
        explanation: {
          en: `The selfie ${selfie.file} and the portrait on ${portrait.file} look like the same person: similarity ${Math.round(similarity * 100)}%, threshold ${Math.round(s.minSimilarity * 100)}%.`,
          'zh-CN': `自拍 ${selfie.file} 与 ${portrait.file} 上的证件照看起来是同一人：相似度 ${Math.round(similarity * 100)}%，阈值 ${Math.round(s.minSimilarity * 100)}%。`,
        },
        remedies: [],
      }]
    }
    // Between the two limits same-person pairs and look-alikes overlap in calibration: say so, do not block.
    const clear = similarity < s.clearMismatchSimilarity
    const finding: Finding = {
      cause: 'FACE_MISMATCH',
      code: 'LOW_SIMILARITY',
      // The uncertain band (look-alikes and hard photos of one person) is shown, not counted:
      // on the 60-case demo corpus all 4 cases in it were the same person (precision 0).
      severity: clear ? 'blocker' : 'info',
      confidence: clear ? r3((0.6 + 0.35 * Math.min(1, (s.clearMismatchSimilarity - similarity) / Math.max(1e-6, s.clearMismatchSimilarity - IMPOSTOR_MEDIAN_SIMILARITY))) * sureness) : 0.5,
      artifact: portrait.file,
      region: portrait.face.region,
      evidence,
      explanation: {
        en: `The selfie ${selfie.file} and the portrait on ${portrait.file} do not look like the same person: similarity ${Math.round(similarity * 100)}%, below the threshold of ${Math.round(s.minSimilarity * 100)}% (distance ${distance.toFixed(2)}, limit ${distanceFromSimilarity(s.minSimilarity).toFixed(2)})${clear ? '' : `; this is in the band down to ${Math.round(s.clearMismatchSimilarity * 100)}% where look-alikes and hard photos of one person both fall, so it is uncertain`}. Compare the two faces side by side before replying (a mask, sunglasses or a hand over the face also lowers the similarity, and is not detected automatically); if they are the same person, ask for a clearer selfie; if not, escalate.`,
        'zh-CN': `自拍 ${selfie.file} 与 ${portrait.file} 上的证件照看起来不是同一人：相似度 ${Math.round(similarity * 100)}%，低于阈值 ${Math.round(s.minSimilarity * 100)}%（距离 ${distance.toFixed(2)}，上限 ${distanceFromSimilarity(s.minSimilarity).toFixed(2)}）${clear ? '' : `；该值处于 ${Math.round(s.clearMismatchSimilarity * 100)}% 以上的不确定区间，长相相似的不同人和同一人的难辨照片都可能落在这里`}。回复前请并排比对两张人脸（口罩、墨镜或用手遮挡面部也会降低相似度，系统无法自动识别）：若为同一人，请客户重新拍摄更清晰的自拍；若不是，请升级处理。`,
      },
      remedies: ['RETAKE_SELFIE', 'ESCALATE_TO_COMPLIANCE'],
    }
    return [finding]
  },
}
