import exifr from 'exifr'
import { editorIn } from './editing-software'

/** Metadata fields where software records itself. */
const SOFTWARE_FIELDS = ['Software', 'ProcessingSoftware', 'CreatorTool', 'HistorySoftwareAgent'] as const

export interface EditorTrace {
  editor: string
  field: string
  value: string
}

/** The first editing application named in the file's EXIF/XMP, or null (also when there is no metadata). */
export async function findEditor(bytes: Uint8Array): Promise<EditorTrace | null> {
  let meta: Record<string, unknown> | undefined
  try {
    meta = await exifr.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), { tiff: true, xmp: true, icc: false, iptc: false, mergeOutput: true })
  } catch {
    return null
  }
  if (!meta) return null
  for (const field of SOFTWARE_FIELDS) {
    const raw = meta[field]
    const values = Array.isArray(raw) ? raw : [raw]
    for (const v of values) {
      if (typeof v !== 'string') continue
      const editor = editorIn(v)
      if (editor) return { editor, field, value: v }
    }
  }
  return null
}
