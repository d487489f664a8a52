import type { SniffedType } from '../image-type'

/**
 * Whether a JPEG holds its end-of-image marker (FF D9) after the start of its first scan.
 * Searching only after the first SOS matters: an EXIF thumbnail carries its own FF D9 near the
 * start, so "the file contains FF D9 somewhere" says nothing. Trailing bytes after EOI (some
 * phones append data) are fine.
 */
export function jpegHasEndMarker(bytes: Uint8Array): boolean {
  let i = 2
  while (i + 3 < bytes.length) {
    if (bytes[i] !== 0xff) {
      i++
      continue
    }
    const marker = bytes[i + 1]
    if (marker === 0xff || marker === 0x00 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += marker === 0xff ? 1 : 2
      continue
    }
    if (marker === 0xd9) return false // EOI before any scan: no image data at all
    const length = (bytes[i + 2] << 8) | bytes[i + 3]
    if (marker === 0xda) {
      const scanStart = i + 2 + length
      for (let j = scanStart; j + 1 < bytes.length; j++) if (bytes[j] === 0xff && bytes[j + 1] === 0xd9) return true
      return false
    }
    i += 2 + length
  }
  return false
}

/** Whether a PNG holds its IEND chunk (the last 12 bytes of a complete file). */
export function pngHasEnd(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 4096)))
  return tail.includes('IEND', 0, 'latin1')
}

/** Whether a WebP's RIFF header declares no more bytes than the file holds. */
export function webpComplete(bytes: Uint8Array): boolean {
  if (bytes.length < 12) return false
  const declared = (bytes[4] | (bytes[5] << 8) | (bytes[6] << 16) | (bytes[7] << 24)) >>> 0
  return declared + 8 <= bytes.length
}

/** null when the container is complete (or we cannot tell), else why it looks cut short. */
export function truncationOf(bytes: Uint8Array, format: SniffedType): string | null {
  if (format === 'jpeg' && !jpegHasEndMarker(bytes)) return 'the JPEG has no end-of-image marker (FF D9) after its image data'
  if (format === 'png' && !pngHasEnd(bytes)) return 'the PNG has no IEND chunk'
  if (format === 'webp' && !webpComplete(bytes)) return 'the WebP holds fewer bytes than its header declares'
  return null
}
