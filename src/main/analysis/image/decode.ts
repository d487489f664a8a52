import sharp, { type Metadata } from 'sharp'
import { IMAGE_TYPES, sniffType, type SniffedType } from '../image-type'
import { rgbStatsOf } from './chroma'
import { truncationOf } from './end-marker'
import { lumaOf } from './luma'
import type { DecodeFailure, DecodeResult, GreyImage } from './types'

export interface DecodeOptions {
  /** Decompression-bomb guard: images declaring more pixels are not decoded. */
  limitInputPixels: number
  /** Long side of the working-size copy; smaller images are kept as they are (never enlarged). */
  workingLongSide: number
}

const FORMAT_NAMES: Partial<Record<SniffedType, string>> = { pdf: 'a PDF document', gif: 'a GIF', tiff: 'a TIFF', unknown: 'not an image (its bytes match no image format)' }

/** libvips/libjpeg/libpng wording for data that ends early. */
const TRUNCATED_MESSAGE = /premature end|truncat|unexpected end|end of (file|stream|data)|not enough data|short read|IEND/i
const UNSUPPORTED_MESSAGE = /unsupported (image format|codec|feature)|no decoder|compression format has not been built/i

function classify(message: string, format: SniffedType): DecodeFailure {
  if (TRUNCATED_MESSAGE.test(message)) return { kind: 'truncated', message, format }
  if (UNSUPPORTED_MESSAGE.test(message)) return { kind: 'unsupported', message, format }
  if (/pixel limit/i.test(message)) return { kind: 'too-large', message, format }
  return { kind: 'corrupt', message, format }
}

/**
 * Decodes a document or selfie image for pixel analysis, or says precisely why it cannot:
 * empty, not an image format we accept, cut short, damaged, or too many pixels to decode safely.
 * A truncated JPEG is refused, never silently decoded: libjpeg pads a missing tail with grey,
 * which would otherwise pass as a plausible (if odd) photo. We check the end marker ourselves
 * and also keep sharp's default `failOn: 'warning'`, which turns libjpeg's "premature end"
 * warning into an error.
 */
export async function decodeImage(bytes: Uint8Array, opts: DecodeOptions): Promise<DecodeResult> {
  const format = sniffType(bytes)
  if (format === 'empty') return { ok: false, failure: { kind: 'empty', message: 'the file is empty (0 bytes)', format } }
  if (!IMAGE_TYPES.includes(format)) {
    return { ok: false, failure: { kind: 'unsupported', message: `the file is ${FORMAT_NAMES[format] ?? format}, not a JPEG, PNG, WebP or HEIF image`, format } }
  }
  const truncated = truncationOf(bytes, format)
  if (truncated) return { ok: false, failure: { kind: 'truncated', message: truncated, format } }

  let meta: Metadata
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata()
  } catch (e) {
    return { ok: false, failure: classify(e instanceof Error ? e.message : String(e), format) }
  }
  const orientation = meta.orientation ?? 1
  const swap = orientation >= 5
  const width = (swap ? meta.height : meta.width) ?? 0
  const height = (swap ? meta.width : meta.height) ?? 0
  if (!width || !height) return { ok: false, failure: { kind: 'corrupt', message: 'the image header declares no size', format } }
  if (width * height > opts.limitInputPixels) {
    return {
      ok: false,
      failure: { kind: 'too-large', message: `the image declares ${width}×${height} pixels, more than the ${opts.limitInputPixels} decoded at most`, format, width, height },
    }
  }

  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: opts.limitInputPixels, failOn: 'warning' })
      .rotate()
      .resize({ width: opts.workingLongSide, height: opts.workingLongSide, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true })
    if (info.channels !== 3) throw new Error(`expected 3 colour channels after decoding, got ${info.channels}`)
    const rgb = { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height }
    let full: Promise<GreyImage> | undefined
    const fullGrey = () => {
      full ??= sharp(bytes, { limitInputPixels: opts.limitInputPixels })
        .rotate()
        .flatten({ background: '#ffffff' })
        .greyscale()
        .raw()
        .toBuffer({ resolveWithObject: true })
        .then(({ data: g, info: gi }) => ({ data: new Uint8Array(g.buffer, g.byteOffset, gi.width * gi.height), width: gi.width, height: gi.height }))
      return full
    }
    return {
      ok: true,
      image: {
        format,
        width,
        height,
        orientation,
        sourceChannels: meta.channels ?? 3,
        scale: width / info.width,
        rgb,
        grey: lumaOf(rgb),
        rgbStats: rgbStatsOf(rgb),
        fullGrey,
      },
    }
  } catch (e) {
    const failure = classify(e instanceof Error ? e.message : String(e), format)
    return { ok: false, failure: { ...failure, width, height } }
  }
}
