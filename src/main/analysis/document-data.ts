import type { DocumentData, DocumentFields } from '../../shared/domain/document-data'
import { parseMrzLines } from './mrz/parse-mrz'
import { mrzSettings } from './mrz/mrz-settings'
import { readMrz } from './mrz/read-mrz'
import type { AnalysisContext, BundleFile } from './types'

/**
 * The document's own data for this case, computed once per case (memoised as the fact
 * 'documentData'). Order of trust: the MRZ read from the document image, then the vendor's
 * extraction, then nothing.
 */
export function getDocumentData(ctx: AnalysisContext): Promise<DocumentData> {
  return ctx.fact('documentData', () => readDocumentData(ctx))
}

const SIDE_ORDER: Record<string, number> = { front: 0, single: 0, back: 1 }

/** Document images in the order an MRZ is most likely found: front or single page, then back (TD1 cards). */
function documentsToTry(files: BundleFile[]): BundleFile[] {
  return files
    .filter((f) => f.role === 'document' && f.bytes !== null && f.bytes.length > 0)
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (SIDE_ORDER[a.f.side ?? 'single'] ?? 0) - (SIDE_ORDER[b.f.side ?? 'single'] ?? 0) || a.i - b.i)
    .map(({ f }) => f)
}

async function readDocumentData(ctx: AnalysisContext): Promise<DocumentData> {
  const settings = mrzSettings(ctx.settings)
  for (const file of documentsToTry(ctx.files)) {
    // A broken or non-image upload is someone else's finding; here it just has no MRZ to give.
    const reading = await readMrz(file.bytes as Buffer, settings, ctx.now).catch(() => null)
    if (reading) {
      return {
        source: 'mrz',
        mrz: reading.lines,
        fields: reading.fields,
        artifact: file.name,
        mrzRegion: reading.region,
        mrzFormat: reading.format,
        checks: reading.checks,
      }
    }
  }
  const extracted = ctx.bundle.vendor?.extracted
  if (extracted) {
    const { mrz, ...typed } = extracted
    // The vendor's MRZ lines, when given, fill what its own fields leave out.
    const parsed = mrz && mrz.length > 0 ? parseMrzLines(mrz, ctx.now) : null
    const fields: DocumentFields = { ...(parsed?.fields ?? {}), ...dropEmpty(typed) }
    return {
      source: 'vendor',
      mrz: mrz ?? null,
      fields,
      ...(parsed ? { mrzFormat: parsed.format, checks: parsed.checks } : {}),
    }
  }
  return { source: 'none', mrz: null, fields: {} }
}

function dropEmpty(fields: DocumentFields): DocumentFields {
  const out: DocumentFields = {}
  for (const [k, v] of Object.entries(fields) as [keyof DocumentFields, string | undefined][]) if (v !== undefined && v !== '') out[k] = v
  return out
}
