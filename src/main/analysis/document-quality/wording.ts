import type { LocalizedText } from '../../../shared/domain/finding'
import type { Side } from './cut'
import type { QualityCode, QualityVerdict } from './judge'

const pct = (f: number) => `${Math.round(f * 1000) / 10}%`
const SIDE_EN: Record<Side, string> = { left: 'left', right: 'right', top: 'top', bottom: 'bottom' }
const SIDE_ZH: Record<Side, string> = { left: '左', right: '右', top: '上', bottom: '下' }
const num = (v: unknown) => (typeof v === 'number' ? v : 0)

/** The agent-facing explanation of one verdict on one file, with the measured numbers. */
export function explainQuality(v: QualityVerdict, file: string): LocalizedText {
  const e = v.evidence
  switch (v.code) {
    case 'BLURRY':
      return {
        en: `${file} is blurred: the sharpest text areas keep only ${pct(1 - num(e.blurEffect))} of their edge detail (blur effect ${num(e.blurEffect).toFixed(2)}, limit ${num(e.maxBlurEffect).toFixed(2)}; edges about ${num(e.edgeWidthPx).toFixed(1)} px wide). The text cannot be read reliably. Ask for a new photo held still and in focus.`,
        'zh-CN': `${file} 图像模糊：最清晰的文字区域只保留了 ${pct(1 - num(e.blurEffect))} 的边缘细节（模糊度 ${num(e.blurEffect).toFixed(2)}，上限 ${num(e.maxBlurEffect).toFixed(2)}；边缘宽约 ${num(e.edgeWidthPx).toFixed(1)} 像素），文字无法可靠识别。请客户保持手机稳定、对准焦点后重新拍摄。`,
      }
    case 'GLARE':
      return {
        en: `${file} has a reflection (glare) covering ${pct(num(e.glareFraction))} of the image (limit ${pct(num(e.minGlareFraction))}); the print under it is washed out. Ask for a new photo without flash and tilted slightly away from the light.`,
        'zh-CN': `${file} 上有反光，覆盖了图像的 ${pct(num(e.glareFraction))}（上限 ${pct(num(e.minGlareFraction))}），反光处的文字被冲淡。请客户关闭闪光灯、稍微倾斜证件避开光源后重新拍摄。`,
      }
    case 'TOO_DARK':
      return {
        en: `${file} is too dark: even its brightest tenth only reaches grey level ${num(e.brightLevelP90)} of 255 (at least ${num(e.minBrightLevelP90)} needed; average ${Math.round(num(e.meanLuminance))}). Ask for a new photo in daylight or a well-lit room.`,
        'zh-CN': `${file} 太暗：最亮的百分之十区域也只有 ${num(e.brightLevelP90)}/255 的亮度（至少需要 ${num(e.minBrightLevelP90)}；平均亮度 ${Math.round(num(e.meanLuminance))}）。请客户在日光下或光线充足的房间重新拍摄。`,
      }
    case 'OVEREXPOSED':
      return {
        en: `${file} is overexposed: its average brightness is ${Math.round(num(e.meanLuminance))} of 255 (limit ${num(e.maxMeanLuminance)}) and ${pct(num(e.clippedFraction))} of it is pure white, so printed details are lost. Ask for a new photo with less light, without flash.`,
        'zh-CN': `${file} 曝光过度：平均亮度 ${Math.round(num(e.meanLuminance))}/255（上限 ${num(e.maxMeanLuminance)}），${pct(num(e.clippedFraction))} 的区域是纯白色，证件上的细节已丢失。请客户在光线柔和处、不开闪光灯重新拍摄。`,
      }
    case 'LOW_RESOLUTION':
      return {
        en: `${file} is too small to read: the document spans only about ${num(e.documentLongSidePx)} pixels across (at least ${num(e.minDocumentLongSidePx)} needed; the file is ${num(e.imageWidth)}×${num(e.imageHeight)}). Ask for the original photo, not a thumbnail or screenshot, with the document filling the frame.`,
        'zh-CN': `${file} 分辨率太低：证件的长边只有约 ${num(e.documentLongSidePx)} 像素（至少需要 ${num(e.minDocumentLongSidePx)}；文件尺寸 ${num(e.imageWidth)}×${num(e.imageHeight)}）。请客户上传原始照片（不要缩略图或截图），并让证件充满画面。`,
      }
    case 'CROPPED': {
      const sides = (v.sides ?? []) as Side[]
      const en = sides.map((x) => SIDE_EN[x]).join(' and ')
      const zh = sides.map((x) => SIDE_ZH[x]).join('、')
      const reasons = Object.values((e.reasons ?? {}) as Record<string, string>)
      const aspect = num(e.visibleAspect).toFixed(2)
      const range = e.documentAspects as { min: number; max: number } | undefined
      const whole = range ? `${range.min.toFixed(2)}–${range.max.toFixed(2)}` : '1.42–1.59'
      const why = reasons.includes('outline-runs-off')
        ? {
            en: `the document's edges run off the frame there with no corner, and the part in the picture is ${aspect} times as wide as high, where a whole ID card or passport page is ${whole}`,
            'zh-CN': `证件的边缘在该处延伸出画面、看不到边角，画面中可见部分的宽高比为 ${aspect}，而完整的身份证或护照资料页为 ${whole}`,
          }
        : reasons.includes('aspect')
          ? {
              en: `the part of the document in the picture is ${aspect} times as wide as high, where a whole ID card or passport page is ${whole}`,
              'zh-CN': `画面中可见部分的宽高比为 ${aspect}，而完整的身份证或护照资料页为 ${whole}`,
            }
          : { en: 'text or the portrait runs off the frame there', 'zh-CN': '文字或照片在该处超出画面' }
      return {
        en: `${file} cuts the document off at the ${en} edge: ${why.en}. Ask for a new photo showing the whole document with a little background on every side.`,
        'zh-CN': `${file} 中证件的${zh}边缘被裁掉了：${why['zh-CN']}。请客户重新拍摄完整的证件，四周留出一点背景。`,
      }
    }
    case 'BLACK_AND_WHITE':
      return {
        en: e.greyscaleFile
          ? `${file} is a greyscale (black-and-white) file. A colour image of the original document is required.`
          : `${file} has almost no colour (average colour strength ${num(e.meanChroma).toFixed(1)}, below ${num(e.maxGreyChroma)}): it looks like a black-and-white copy or scan. A colour photo of the original document is required.`,
        'zh-CN': e.greyscaleFile
          ? `${file} 是灰度（黑白）文件，需要原件的彩色图像。`
          : `${file} 几乎没有颜色（平均色彩强度 ${num(e.meanChroma).toFixed(1)}，低于 ${num(e.maxGreyChroma)}），看起来是黑白复印件或扫描件。需要原件的彩色照片。`,
      }
  }
}

export const QUALITY_REMEDIES: Record<QualityCode, string[]> = {
  BLURRY: ['RETAKE_DOCUMENT_PHOTO'],
  GLARE: ['RETAKE_WITHOUT_GLARE'],
  TOO_DARK: ['RETAKE_IN_BETTER_LIGHT'],
  OVEREXPOSED: ['RETAKE_IN_BETTER_LIGHT'],
  LOW_RESOLUTION: ['USE_HIGHER_RESOLUTION', 'UPLOAD_ORIGINAL_FILE'],
  CROPPED: ['SHOW_WHOLE_DOCUMENT'],
  BLACK_AND_WHITE: ['USE_COLOUR_ORIGINAL'],
}
