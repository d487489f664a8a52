import { decodedImage } from '../image/image-fact'
import type { AnalysisContext, BundleFile } from '../types'
import { fileSettings } from './file-settings'
import { findEditor, type EditorTrace } from './metadata'

export type FileProblemCode = 'MISSING_FILE' | 'TRUNCATED' | 'CORRUPT' | 'UNSUPPORTED_FORMAT' | 'TOO_LARGE' | 'TOO_SMALL' | 'EDITED'

export interface FileProblem {
  code: FileProblemCode
  evidence: Record<string, unknown>
  editor?: EditorTrace
  message?: string
}

export interface FileCheck {
  problems: FileProblem[]
  /** True when the pixels cannot or should not be judged (nothing decodable, or a thumbnail). */
  blocksPixelChecks: boolean
}

/**
 * What is wrong with one bundle file as a file, shared as fact `fileCheck:<name>` so
 * DOCUMENT_QUALITY can skip files this already explains.
 */
export function checkFile(ctx: AnalysisContext, file: BundleFile): Promise<FileCheck> {
  return ctx.fact(`fileCheck:${file.name}`, () => computeFileCheck(ctx, file))
}

async function computeFileCheck(ctx: AnalysisContext, file: BundleFile): Promise<FileCheck> {
  const s = fileSettings(ctx.settings)
  if (!file.bytes) return { problems: [{ code: 'MISSING_FILE', evidence: { file: file.name, inBundle: false } }], blocksPixelChecks: true }
  const bytes = file.bytes.length
  const problems: FileProblem[] = []
  if (bytes > s.maxBytes) problems.push({ code: 'TOO_LARGE', evidence: { bytes, maxBytes: s.maxBytes } })
  const decoded = await decodedImage(ctx, file)
  if (!decoded) return { problems: [{ code: 'MISSING_FILE', evidence: { file: file.name, inBundle: false } }], blocksPixelChecks: true }
  if (!decoded.ok) {
    const f = decoded.failure
    const code: FileProblemCode =
      f.kind === 'truncated' ? 'TRUNCATED' : f.kind === 'unsupported' ? 'UNSUPPORTED_FORMAT' : f.kind === 'too-large' ? 'TOO_LARGE' : f.kind === 'empty' ? 'TOO_SMALL' : 'CORRUPT'
    const evidence: Record<string, unknown> = { bytes, detectedFormat: f.format ?? 'unknown', reason: f.message }
    if (f.kind === 'unsupported' && f.format === 'unknown') evidence.looksLikeText = looksLikeText(file.bytes)
    if (f.kind === 'too-large') Object.assign(evidence, { width: f.width, height: f.height, maxPixels: s.maxPixels })
    if (f.kind === 'empty') evidence.minBytes = s.minBytes
    if (!problems.some((p) => p.code === code)) problems.push({ code, evidence, message: f.message })
    return { problems, blocksPixelChecks: true }
  }
  const img = decoded.image
  const pixels = img.width * img.height
  let blocks = false
  if (pixels > s.maxPixels && !problems.some((p) => p.code === 'TOO_LARGE')) {
    problems.push({ code: 'TOO_LARGE', evidence: { width: img.width, height: img.height, pixels, maxPixels: s.maxPixels, bytes } })
  }
  if (Math.max(img.width, img.height) < s.minLongSide || bytes < s.minBytes) {
    problems.push({ code: 'TOO_SMALL', evidence: { width: img.width, height: img.height, minLongSide: s.minLongSide, bytes, minBytes: s.minBytes } })
    blocks = true
  }
  const editor = await findEditor(file.bytes)
  if (editor) problems.push({ code: 'EDITED', editor, evidence: { software: editor.value, editor: editor.editor, metadataField: editor.field } })
  return { problems, blocksPixelChecks: blocks }
}

/** Mostly printable ASCII/UTF-8 in the first kilobyte: an HTML page, a data URL, a note. */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024)
  let printable = 0
  for (const b of head) if (b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127) || b >= 0xc2) printable++
  return head.length > 0 && printable / head.length > 0.95
}
