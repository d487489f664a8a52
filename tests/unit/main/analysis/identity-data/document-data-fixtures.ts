import { parseMrzLines } from '../../../../../src/main/analysis/mrz/parse-mrz'
import { checkDigit } from '../../../../../src/main/analysis/identity-data/mrz-check-digit'
import type { DocumentData, DocumentFields } from '../../../../../src/shared/domain/document-data'
import type { CaseBundle } from '../../../../../src/shared/domain/case-bundle'
import { makeBundle, makeContextWithDocumentData } from '../helpers'

export const NOW = new Date('2026-11-20T12:00:00Z')
export const REGION = { x: 0.07, y: 0.76, w: 0.83, h: 0.1 }

/** The ICAO 9303 specimen passport's MRZ (ERIKSSON ANNA MARIA, L898902C3, UTO). */
export const SPECIMEN_TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10']

export interface Td3 {
  last: string
  given: string
  number: string
  country?: string
  nationality?: string
  birth: string // YYMMDD
  sex?: 'M' | 'F' | '<'
  expiry: string // YYMMDD
}

/** A TD3 MRZ with correct check digits, written the way ICAO 9303 writes it. */
export function td3Lines(d: Td3): string[] {
  const name = `${d.last.replace(/[ -]/g, '<')}<<${d.given.replace(/[ -]/g, '<')}`.padEnd(39, '<').slice(0, 39)
  const country = (d.country ?? 'UTO').padEnd(3, '<')
  const nat = (d.nationality ?? d.country ?? 'UTO').padEnd(3, '<')
  const num = d.number.padEnd(9, '<')
  const personal = '<'.repeat(14)
  const line2core = `${num}${checkDigit(num)}${nat}${d.birth}${checkDigit(d.birth)}${d.sex ?? 'F'}${d.expiry}${checkDigit(d.expiry)}${personal}${checkDigit(personal)}`
  const composite = checkDigit(line2core.slice(0, 10) + line2core.slice(13, 20) + line2core.slice(21, 43))
  return [`P<${country}${name}`, line2core + composite]
}

/** Document data as getDocumentData gives it after reading these MRZ lines from an image. */
export function fromMrz(lines: string[], artifact = 'passport.jpg'): DocumentData {
  const parsed = parseMrzLines(lines, NOW)
  if (!parsed) throw new Error('test MRZ does not parse')
  return { source: 'mrz', mrz: lines, fields: parsed.fields, artifact, mrzRegion: REGION, mrzFormat: parsed.format, checks: parsed.checks }
}

/** Document data from the vendor's extraction only. */
export function fromVendor(fields: DocumentFields): DocumentData {
  return { source: 'vendor', mrz: null, fields }
}

export const NO_DATA: DocumentData = { source: 'none', mrz: null, fields: {} }

/** The specimen's holder typing her data correctly. */
export function specimenForm(overrides: Partial<CaseBundle['form']> = {}): CaseBundle['form'] {
  return {
    firstName: 'ANNA MARIA',
    lastName: 'ERIKSSON',
    dateOfBirth: '1974-08-12',
    sex: 'F',
    nationality: 'UTO',
    documentType: 'PASSPORT',
    documentNumber: 'L898902C3',
    documentExpiry: '2012-04-15',
    issuingCountry: 'UTO',
    ...overrides,
  }
}

export function contextFor(form: CaseBundle['form'], data: DocumentData, bundle: Partial<Record<keyof CaseBundle, unknown>> = {}) {
  return makeContextWithDocumentData(makeBundle({ form, submittedAt: '2026-11-20T10:00:00Z', ...bundle }), data, { now: NOW })
}
