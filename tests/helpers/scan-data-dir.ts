import { readFileSync } from 'node:fs'
import { relative } from 'node:path'
import { filesUnder } from '../../src/main/store/files-under'

export { filesUnder }

export interface Needle {
  label: string
  bytes: Buffer
}

/**
 * Image signatures a file carver looks for. Long enough not to turn up by chance in megabytes of
 * ciphertext (the bare 3-byte JPEG start is checked at file starts only).
 */
export const IMAGE_SIGNATURES: Needle[] = [
  { label: 'PNG signature', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { label: 'JPEG quantisation table', bytes: Buffer.from([0xff, 0xdb, 0x00, 0x43, 0x00]) },
  { label: 'JFIF header', bytes: Buffer.from('JFIF\0', 'latin1') },
  { label: 'Exif header', bytes: Buffer.from('Exif\0\0', 'latin1') },
  { label: 'WebP header', bytes: Buffer.from('WEBPVP8', 'latin1') },
]
const JPEG_START = Buffer.from([0xff, 0xd8, 0xff])

/** Texts as they would be stored: as given, upper-cased (MRZ, normalised forms), in UTF-8. */
export function textNeedles(label: string, values: (string | undefined | null)[], minBytes = 5): Needle[] {
  const out: Needle[] = []
  for (const v of values) {
    if (!v) continue
    for (const form of new Set([v, v.toUpperCase()])) {
      const bytes = Buffer.from(form, 'utf8')
      if (bytes.length >= minBytes) out.push({ label: `${label} "${form}"`, bytes })
    }
  }
  return out
}

/** Where, under `dir`, any needle appears in clear, in a file's bytes or in its path. */
export function findInClear(dir: string, needles: Needle[]): string[] {
  const hits: string[] = []
  for (const file of filesUnder(dir)) {
    const rel = relative(dir, file)
    const bytes = readFileSync(file)
    if (bytes.subarray(0, 3).equals(JPEG_START)) hits.push(`${rel}: starts like a JPEG`)
    for (const n of needles) {
      if (bytes.includes(n.bytes)) hits.push(`${rel}: ${n.label}`)
      if (Buffer.from(rel, 'utf8').includes(n.bytes)) hits.push(`${rel} (its name): ${n.label}`)
    }
  }
  return hits
}
