import type { DocumentData } from '../../shared/domain/document-data'
import type { AnalysisContext } from './types'

/**
 * The document's own data for this case, computed once per case (memoised as the fact
 * 'documentData'). Order of trust: the MRZ read from the document image, then the vendor's
 * extraction, then nothing.
 */
export function getDocumentData(ctx: AnalysisContext): Promise<DocumentData> {
  return ctx.fact('documentData', () => readDocumentData(ctx))
}

async function readDocumentData(ctx: AnalysisContext): Promise<DocumentData> {
  const extracted = ctx.bundle.vendor?.extracted
  if (extracted) {
    const { mrz, ...fields } = extracted
    return { source: 'vendor', mrz: mrz ?? null, fields }
  }
  return { source: 'none', mrz: null, fields: {} }
}
