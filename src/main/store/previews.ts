import sharp from 'sharp'

/** Decompression-bomb guard for previews: larger images are flagged, never decoded. */
export const MAX_PREVIEW_INPUT_PIXELS = 100_000_000

export interface Previews {
  width: number
  height: number
  preview: Buffer
  thumb: Buffer
}

/**
 * A preview (long side ≤ 2048 px) and a thumbnail for the UI, as JPEG (encodes several times
 * faster than WebP at the same size here, and import throughput is bound by this step). Orientation is applied
 * and all metadata (EXIF, GPS) dropped: sharp writes none unless asked. The original stays
 * byte-for-byte in the store for analysis and evidence. Returns null when the image cannot be
 * decoded completely (truncated, corrupt): that is for the analysis to report, not to hide.
 */
export async function makePreviews(bytes: Buffer): Promise<Previews | null> {
  try {
    const input = () => sharp(bytes, { limitInputPixels: MAX_PREVIEW_INPUT_PIXELS, failOn: 'warning' }).rotate()
    const meta = await sharp(bytes, { limitInputPixels: MAX_PREVIEW_INPUT_PIXELS }).metadata()
    const swap = (meta.orientation ?? 1) >= 5
    const width = (swap ? meta.height : meta.width) ?? 0
    const height = (swap ? meta.width : meta.height) ?? 0
    const [preview, thumb] = await Promise.all([
      input().resize(2048, 2048, { fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 85 }).toBuffer(),
      input().resize(320, 320, { fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 75 }).toBuffer(),
    ])
    return { width, height, preview, thumb }
  } catch {
    return null
  }
}
