import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { CaseBundleSchema } from '../../../../../src/shared/domain/case-bundle'
import { FindingSchema, type Finding } from '../../../../../src/shared/domain/finding'
import { createContext } from '../../../../../src/main/analysis/engine'
import { loadAnalysisSettings } from '../../../../../src/main/analysis/settings'
import type { Analyser, AnalysisContext, BundleFile } from '../../../../../src/main/analysis/types'
import { FIXTURE_DIR } from './face-fixtures'

export const fixture = (name: string) => readFileSync(join(FIXTURE_DIR, name))
export const settings = loadAnalysisSettings()

export interface CaseFiles {
  documents?: Array<{ name: string; bytes: Buffer | null; side?: 'front' | 'back' | 'single' }>
  selfies?: Array<{ name: string; bytes: Buffer | null }>
  camera?: { width: number; height: number }
}

/** An analysis context for a case with just these files (fixture names resolve to tests/fixtures/face). */
export function faceCase(files: CaseFiles): AnalysisContext {
  const documents = files.documents ?? []
  const selfies = files.selfies ?? []
  const bundle = CaseBundleSchema.parse({
    schema: 'kyc-case/1',
    caseId: 'T-FACE-1',
    attempt: 1,
    submittedAt: '2026-11-01T10:00:00Z',
    locale: 'en',
    applicant: { accountId: 'u_face', email: 'face@example.com' },
    form: { firstName: 'ANNA', lastName: 'ERIKSSON', dateOfBirth: '1974-08-12', nationality: 'UTO', documentType: 'PASSPORT', documentNumber: 'L898902C3', issuingCountry: 'UTO' },
    documents: documents.map((d) => ({ file: d.name, side: d.side ?? 'single' })),
    selfies: selfies.map((s) => ({ file: s.name })),
    ...(files.camera ? { device: { camera: files.camera } } : {}),
  })
  const bundleFiles: BundleFile[] = [
    ...documents.map((d) => ({ name: d.name, role: 'document' as const, side: d.side ?? ('single' as const), bytes: d.bytes })),
    ...selfies.map((s) => ({ name: s.name, role: 'selfie' as const, bytes: s.bytes })),
  ]
  return createContext({ bundle, files: bundleFiles, settings, now: new Date('2026-11-29T00:00:00Z') })
}

/** Runs an analyser and checks every finding against the public finding schema. */
export async function run(analyser: Analyser, ctx: AnalysisContext): Promise<Finding[]> {
  const findings = await analyser.run(ctx)
  for (const f of findings) FindingSchema.parse(f)
  return findings
}

export const codes = (findings: Finding[], severity?: Finding['severity']) =>
  findings.filter((f) => !severity || f.severity === severity).map((f) => f.code).sort()
