import { loadAnalysisSettings, type AnalysisSettings } from '../../../../src/main/analysis/settings'
import type { AnalysisContext, BundleFile, CrossCaseLookup } from '../../../../src/main/analysis/types'
import { CaseBundleSchema, type CaseBundle } from '../../../../src/shared/domain/case-bundle'

/**
 * Shared test helpers for analysers: a valid kyc-case/1 bundle with overridable parts, and an
 * AnalysisContext around it with memoised facts like the engine's (without importing the engine,
 * so a test of one analyser does not load every other one). Extend, do not overwrite: several
 * areas use this file.
 */

let settingsCache: AnalysisSettings | undefined
export function testSettings(): AnalysisSettings {
  settingsCache ??= loadAnalysisSettings()
  return settingsCache
}

/** A plausible failed case; every field can be overridden. Validated by CaseBundleSchema, so a test bundle is always a real one. */
export function makeBundle(overrides: Partial<Record<keyof CaseBundle, unknown>> = {}): CaseBundle {
  return CaseBundleSchema.parse({
    schema: 'kyc-case/1',
    caseId: 'BN-2026-000900',
    attempt: 1,
    submittedAt: '2026-11-20T10:00:00Z',
    status: 'failed',
    locale: 'en',
    applicant: { accountId: 'u_900', email: 'anna.schmidt@example.com', residenceCountry: 'DE' },
    form: {
      firstName: 'ANNA',
      lastName: 'SCHMIDT',
      dateOfBirth: '1990-05-17',
      nationality: 'D',
      documentType: 'ID_CARD',
      documentNumber: 'L01X00T47',
      issuingCountry: 'D',
    },
    documents: [
      { file: 'id_front.jpg', side: 'front' },
      { file: 'id_back.jpg', side: 'back' },
    ],
    selfies: [{ file: 'selfie.jpg' }],
    ...overrides,
  })
}

/** BundleFile entries for the bundle's named files: `bytes` by name (missing name → null bytes). */
export function bundleFiles(bundle: CaseBundle, bytes: Record<string, Buffer | null> = {}): BundleFile[] {
  return [
    ...bundle.documents.map((d) => ({ name: d.file, role: 'document' as const, side: d.side, bytes: bytes[d.file] ?? null })),
    ...bundle.selfies.map((s) => ({ name: s.file, role: 'selfie' as const, bytes: bytes[s.file] ?? null })),
  ]
}

export interface ContextOptions {
  files?: BundleFile[]
  now?: Date
  settings?: AnalysisSettings
  crossCase?: CrossCaseLookup
}

export function makeContext(bundle: CaseBundle, options: ContextOptions = {}): AnalysisContext {
  const facts = new Map<string, Promise<unknown>>()
  return {
    bundle,
    files: options.files ?? bundleFiles(bundle),
    settings: options.settings ?? testSettings(),
    now: options.now ?? new Date('2026-11-20T12:00:00Z'),
    crossCase: options.crossCase,
    fact<T>(key: string, compute: () => Promise<T>): Promise<T> {
      if (!facts.has(key)) facts.set(key, compute())
      return facts.get(key) as Promise<T>
    },
  }
}

/**
 * A context whose document data (the 'documentData' fact of getDocumentData) is the given one,
 * for analysers that compare with the document without reading an image.
 */
export function makeContextWithDocumentData(
  bundle: CaseBundle,
  documentData: import('../../../../src/shared/domain/document-data').DocumentData,
  options: ContextOptions = {},
): AnalysisContext {
  const ctx = makeContext(bundle, options)
  void ctx.fact('documentData', async () => documentData)
  return ctx
}
