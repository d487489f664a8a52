import sharp from 'sharp'

/** An 8-bit RGB image in memory, rows top to bottom. */
export interface RgbImage {
  data: Buffer
  width: number
  height: number
}

export interface DecodedFaceImage {
  /** The image as analysed: EXIF orientation applied, at most `maxSide` pixels on its longer side. */
  rgb: RgbImage
  /** Size of the original (after EXIF orientation), in pixels: what the camera delivered. */
  originalWidth: number
  originalHeight: number
  /** original / analysed: multiply analysed pixel coordinates by it to get original ones. */
  scale: number
}

/**
 * Decodes any image sharp reads (JPEG, PNG, WebP, HEIF where supported) to RGB. Large photos
 * are scaled down first: detection time grows with the pixel count, and a selfie face or a
 * document portrait stays well above the detector's input size at the limit.
 */
export async function decodeForFaces(bytes: Buffer, maxSide: number, maxInputPixels: number): Promise<DecodedFaceImage> {
  const meta = await sharp(bytes, { limitInputPixels: maxInputPixels }).metadata()
  const swap = (meta.orientation ?? 1) >= 5
  const originalWidth = (swap ? meta.height : meta.width) ?? 0
  const originalHeight = (swap ? meta.width : meta.height) ?? 0
  if (!originalWidth || !originalHeight) throw new Error('image has no size')
  const { data, info } = await sharp(bytes, { limitInputPixels: maxInputPixels })
    .rotate()
    .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true })
  if (info.channels !== 3) throw new Error(`expected 3 colour channels, got ${info.channels}`)
  return {
    rgb: { data, width: info.width, height: info.height },
    originalWidth,
    originalHeight,
    scale: originalWidth / info.width,
  }
}

/** Rec. 601 luma of an RGB image, 0..255 per pixel. */
export function lumaOf(img: RgbImage): Uint8Array {
  const n = img.width * img.height
  const out = new Uint8Array(n)
  for (let i = 0, j = 0; i < n; i++, j += 3) {
    out[i] = (img.data[j] * 299 + img.data[j + 1] * 587 + img.data[j + 2] * 114 + 500) / 1000
  }
  return out
}
