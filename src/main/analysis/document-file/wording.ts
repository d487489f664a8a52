import type { LocalizedText } from '../../../shared/domain/finding'
import type { FileProblem, FileProblemCode } from './check-file'

const mb = (n: unknown) => `${(Number(n) / 1048576).toFixed(1)} MB`
const kb = (n: unknown) => `${Math.round(Number(n) / 1024)} KB`
const FORMAT: Record<string, string> = { pdf: 'a PDF document', gif: 'a GIF animation', tiff: 'a TIFF image', unknown: 'not an image at all' }
const FORMAT_ZH: Record<string, string> = { pdf: 'PDF 文档', gif: 'GIF 动图', tiff: 'TIFF 图像', unknown: '根本不是图片' }

/** Agent-facing wording of one file problem; `what` is "document" or "selfie". */
export function explainFileProblem(p: FileProblem, file: string, what: 'document' | 'selfie'): LocalizedText {
  const e = p.evidence
  const whatZh = what === 'document' ? '证件' : '自拍'
  switch (p.code) {
    case 'MISSING_FILE':
      return {
        en: `The ${what} file ${file} is named in the case but its bytes are not in the bundle: the upload never arrived. Ask the customer to upload it again.`,
        'zh-CN': `案件中列出了${whatZh}文件 ${file}，但文件内容不在案件包中：上传没有完成。请客户重新上传。`,
      }
    case 'TRUNCATED':
      return {
        en: `The ${what} file ${file} is cut short (${kb(e.bytes)} received; ${String(e.reason)}): the upload broke off before the end, so the bottom of the image is missing. Ask the customer to upload the original again on a stable connection.`,
        'zh-CN': `${whatZh}文件 ${file} 不完整（只收到 ${kb(e.bytes)}；${String(e.reason)}）：上传中途中断，图像下半部分缺失。请客户在网络稳定时重新上传原图。`,
      }
    case 'CORRUPT':
      return {
        en: `The ${what} file ${file} is damaged and cannot be decoded (${String(e.reason)}). Ask the customer to upload the original photo again.`,
        'zh-CN': `${whatZh}文件 ${file} 已损坏，无法解码（${String(e.reason)}）。请客户重新上传原始照片。`,
      }
    case 'UNSUPPORTED_FORMAT': {
      const fmt = String(e.detectedFormat)
      const text = e.looksLikeText === true
      return {
        en: `The ${what} file ${file} is ${text ? 'text (for example a saved web page), not a picture' : (FORMAT[fmt] ?? `a ${fmt.toUpperCase()} file`)}, whatever its name says. Only JPEG, PNG, WebP or HEIC photos are accepted: ask for a photo of the document itself.`,
        'zh-CN': `${whatZh}文件 ${file} 实际上是${text ? '文本（例如保存下来的网页），而不是图片' : (FORMAT_ZH[fmt] ?? `${fmt.toUpperCase()} 文件`)}，与文件名无关。只接受 JPEG、PNG、WebP 或 HEIC 格式的照片：请客户上传证件本身的照片。`,
      }
    }
    case 'TOO_LARGE':
      return e.maxBytes !== undefined
        ? {
            en: `The ${what} file ${file} is ${mb(e.bytes)}, more than the ${mb(e.maxBytes)} accepted. Ask for a normal camera photo (not a RAW or multi-page scan).`,
            'zh-CN': `${whatZh}文件 ${file} 大小为 ${mb(e.bytes)}，超过了 ${mb(e.maxBytes)} 的上限。请客户上传普通相机照片（不要 RAW 文件或多页扫描件）。`,
          }
        : {
            en: `The ${what} file ${file} declares ${e.width}×${e.height} pixels, more than the ${Math.round(Number(e.maxPixels) / 1e6)} megapixels accepted. Ask for a normal camera photo.`,
            'zh-CN': `${whatZh}文件 ${file} 的尺寸为 ${e.width}×${e.height} 像素，超过了 ${Math.round(Number(e.maxPixels) / 1e6)} 百万像素的上限。请客户上传普通相机照片。`,
          }
    case 'TOO_SMALL':
      return Number(e.bytes) === 0
        ? {
            en: `The ${what} file ${file} is empty (0 bytes): nothing was uploaded. Ask the customer to upload the photo again.`,
            'zh-CN': `${whatZh}文件 ${file} 是空文件（0 字节），没有上传任何内容。请客户重新上传照片。`,
          }
        : {
            en: `The ${what} file ${file} is only ${e.width}×${e.height} pixels and ${kb(e.bytes)} (at least ${e.minLongSide} pixels on the long side and ${kb(e.minBytes)} expected): a thumbnail, not a photo. Ask for the original photo.`,
            'zh-CN': `${whatZh}文件 ${file} 只有 ${e.width}×${e.height} 像素、${kb(e.bytes)}（长边至少需要 ${e.minLongSide} 像素、文件至少 ${kb(e.minBytes)}），是缩略图而不是照片。请客户上传原始照片。`,
          }
    case 'EDITED':
      return {
        en: `The ${what} file ${file} was saved by an image editor (${String(e.editor)}: its ${String(e.metadataField)} metadata says "${String(e.software)}"). Edited images are not accepted as proof of identity; ask for the unedited original straight from the camera.`,
        'zh-CN': `${whatZh}文件 ${file} 经过图像编辑软件保存（${String(e.editor)}：元数据 ${String(e.metadataField)} 为“${String(e.software)}”）。编辑过的图片不能作为身份证明，请客户上传相机直接拍摄、未经编辑的原图。`,
      }
  }
}

export const FILE_REMEDIES: Record<FileProblemCode, string[]> = {
  MISSING_FILE: ['RETRY_UPLOAD', 'UPLOAD_DOCUMENT'],
  TRUNCATED: ['RETRY_UPLOAD', 'UPLOAD_ORIGINAL_FILE'],
  CORRUPT: ['UPLOAD_ORIGINAL_FILE'],
  UNSUPPORTED_FORMAT: ['UPLOAD_ORIGINAL_FILE'],
  TOO_LARGE: ['UPLOAD_ORIGINAL_FILE'],
  TOO_SMALL: ['UPLOAD_ORIGINAL_FILE', 'USE_HIGHER_RESOLUTION'],
  EDITED: ['UPLOAD_ORIGINAL_FILE'],
}
