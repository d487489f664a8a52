import sharp from 'sharp'

/** An 8-bit single-channel image, row-major. */
export interface GreyImage {
  data: Uint8Array
  width: number
  height: number
}

/**
 * Decodes any image sharp understands to grey, upright per its EXIF orientation (the way viewers
 * show it, so regions drawn on it line up), no larger than `maxSide`. Returns null for bytes that
 * are not a decodable image (truncated, empty, wrong type) instead of throwing: a broken upload is
 * diagnosed elsewhere, the MRZ reader just has nothing to read.
 */
export async function decodeGrey(bytes: Buffer, maxSide: number, maxPixels: number): Promise<GreyImage | null> {
  if (bytes.length === 0) return null
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: maxPixels })
      .rotate()
      .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true })
    if (info.channels === 1) return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height }
    const out = new Uint8Array(info.width * info.height)
    for (let i = 0; i < out.length; i++) out[i] = data[i * info.channels]
    return { data: out, width: info.width, height: info.height }
  } catch {
    return null
  }
}

/** Area-resamples so the longest side is at most `maxSide`; `scale` maps the result's pixels back to the input's. */
export async function shrinkGrey(img: GreyImage, maxSide: number): Promise<{ image: GreyImage; scale: number }> {
  if (Math.max(img.width, img.height) <= maxSide) return { image: img, scale: 1 }
  const { data, info } = await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 1 } })
    .resize({ width: maxSide, height: maxSide, fit: 'inside', kernel: 'linear' })
    .raw()
    .toBuffer({ resolveWithObject: true })
  const out = new Uint8Array(info.width * info.height)
  for (let i = 0; i < out.length; i++) out[i] = data[i * info.channels]
  return { image: { data: out, width: info.width, height: info.height }, scale: img.width / info.width }
}

/** Bilinear sample at a real-valued position; outside the image reads as white paper. */
export function sampleBilinear(img: GreyImage, x: number, y: number): number {
  const x0 = Math.floor(x)
  const y0 = Math.floor(y)
  if (x0 < 0 || y0 < 0 || x0 >= img.width - 1 || y0 >= img.height - 1) {
    const xi = Math.round(x)
    const yi = Math.round(y)
    if (xi < 0 || yi < 0 || xi >= img.width || yi >= img.height) return 255
    return img.data[yi * img.width + xi]
  }
  const fx = x - x0
  const fy = y - y0
  const i = y0 * img.width + x0
  const d = img.data
  const top = d[i] + (d[i + 1] - d[i]) * fx
  const bottom = d[i + img.width] + (d[i + img.width + 1] - d[i + img.width]) * fx
  return top + (bottom - top) * fy
}
