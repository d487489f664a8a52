import type { SniffedType } from '../image-type'

/** One 8-bit channel, rows top to bottom. */
export interface GreyImage {
  data: Uint8Array
  width: number
  height: number
}

/** Interleaved 8-bit RGB, rows top to bottom. */
export interface RgbImage {
  data: Uint8Array
  width: number
  height: number
}

/** Colour statistics of the working-size image (chroma = max(R,G,B) - min(R,G,B)). */
export interface RgbStats {
  mean: [number, number, number]
  meanChroma: number
  p95Chroma: number
  /** Share of pixels whose chroma is above 16 levels: visibly coloured, not JPEG noise. */
  colouredFraction: number
}

export interface DecodedImage {
  format: SniffedType
  /** Full size after EXIF orientation: what the camera or scanner delivered. */
  width: number
  height: number
  /** EXIF orientation tag (1 when absent); already applied to every pixel buffer here. */
  orientation: number
  /** Channels stored in the file (1 or 2 = a greyscale file). */
  sourceChannels: number
  /** Full size / working size (≥ 1): multiply working pixel coordinates by it for full-size ones. */
  scale: number
  /** The image at the working size (long side at most `workingLongSide`, never enlarged). */
  rgb: RgbImage
  grey: GreyImage
  rgbStats: RgbStats
  /** The full-size greyscale, decoded on first call and kept. */
  fullGrey(): Promise<GreyImage>
}

export type DecodeFailureKind = 'truncated' | 'corrupt' | 'unsupported' | 'too-large' | 'empty'

export interface DecodeFailure {
  kind: DecodeFailureKind
  message: string
  /** What the bytes are (by magic bytes), when known. */
  format?: SniffedType
  /** Declared size, when the header could be read. */
  width?: number
  height?: number
}

export type DecodeResult = { ok: true; image: DecodedImage } | { ok: false; failure: DecodeFailure }
