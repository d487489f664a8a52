import sharp from 'sharp'
import { IMAGE_TYPES, sniffType, type SniffedType } from '../analysis/image-type'
import { MAX_IMAGE_PIXELS } from './limits'
import type { FileProblem } from './types'

export interface ImageInspection {
  sniffed: SniffedType
  problem?: FileProblem
  problemDetail?: string
  width?: number
  height?: number
}

const NAMES: Partial<Record<SniffedType, string>> = { pdf: 'a PDF', gif: 'a GIF', tiff: 'a TIFF' }

/**
 * What a named file is, by its bytes, and whether it can go on to analysis. Dimensions come
 * from the header (sharp's metadata reads no pixels), so a tiny file declaring 20000×20000 is
 * caught before anything tries to decode it. A header that cannot be read (a truncated JPEG)
 * is not flagged here: it is still a JPEG by its bytes, and the analysis reports the damage.
 */
export async function inspectImage(bytes: Buffer): Promise<ImageInspection> {
  const sniffed = sniffType(bytes)
  if (sniffed === 'empty') return { sniffed, problem: 'empty', problemDetail: 'The file is empty (0 bytes).' }
  if (!IMAGE_TYPES.includes(sniffed)) {
    const what = NAMES[sniffed]
    const problemDetail = what
      ? `The file is ${what}, not a JPEG, PNG, WebP or HEIC image.`
      : 'The file is not a JPEG, PNG, WebP or HEIC image: its bytes match no image format.'
    return { sniffed, problem: 'not-an-image', problemDetail }
  }
  let width: number | undefined
  let height: number | undefined
  try {
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata()
    width = meta.width
    height = meta.height
  } catch {
    return { sniffed }
  }
  if (width && height && width * height > MAX_IMAGE_PIXELS) {
    const mp = (n: number) => `${Math.round(n / 1e6)} megapixels`
    return {
      sniffed,
      width,
      height,
      problem: 'too-large',
      problemDetail: `The image declares ${width}×${height} pixels (${mp(width * height)}); at most ${mp(MAX_IMAGE_PIXELS)} are decoded.`,
    }
  }
  return { sniffed, width, height }
}
