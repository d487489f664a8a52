/** What a file is, judged by its bytes (never by its name). */
export type SniffedType = 'jpeg' | 'png' | 'webp' | 'heif' | 'pdf' | 'gif' | 'tiff' | 'unknown' | 'empty'

export const IMAGE_TYPES: readonly SniffedType[] = ['jpeg', 'png', 'webp', 'heif']

export function sniffType(bytes: Uint8Array): SniffedType {
  if (bytes.length === 0) return 'empty'
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to))
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg'
  if (bytes.length >= 8 && bytes[0] === 0x89 && ascii(1, 4) === 'PNG') return 'png'
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp'
  if (bytes.length >= 12 && ascii(4, 8) === 'ftyp' && /^(heic|heix|hevc|hevx|mif1|msf1|heim|heis|avif)$/.test(ascii(8, 12))) return 'heif'
  if (ascii(0, 5) === '%PDF-') return 'pdf'
  if (ascii(0, 4) === 'GIF8') return 'gif'
  if ((bytes[0] === 0x49 && bytes[1] === 0x49 && bytes[2] === 0x2a) || (bytes[0] === 0x4d && bytes[1] === 0x4d && bytes[3] === 0x2a)) return 'tiff'
  return 'unknown'
}

export const MIME_OF: Record<SniffedType, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  heif: 'image/heif',
  pdf: 'application/pdf',
  gif: 'image/gif',
  tiff: 'image/tiff',
  unknown: 'application/octet-stream',
  empty: 'application/octet-stream',
}
