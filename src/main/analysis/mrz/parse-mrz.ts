import { parse, type Details } from 'mrz'
import type { DocumentFields } from '../../../shared/domain/document-data'
import type { MrzFormat } from './formats'

export interface MrzCheck {
  field: 'documentNumber' | 'dateOfBirth' | 'documentExpiry' | 'personalNumber' | 'composite'
  valid: boolean
}

export interface ParsedMrz {
  format: MrzFormat
  fields: DocumentFields
  checks: MrzCheck[]
}

const CHECK_FIELDS: Record<string, MrzCheck['field']> = {
  documentNumberCheckDigit: 'documentNumber',
  birthDateCheckDigit: 'dateOfBirth',
  expirationDateCheckDigit: 'documentExpiry',
  personalNumberCheckDigit: 'personalNumber',
  compositeCheckDigit: 'composite',
}

/**
 * YYMMDD to an ISO date. MRZ years have two digits: a birth date that would lie in the future
 * belongs to the previous century; expiry dates are always read as 20YY (documents valid past
 * 2099 or expired before 2000 are not met in KYC).
 */
export function mrzDateToIso(yymmdd: string, kind: 'birth' | 'expiry', now: Date): string | undefined {
  if (!/^\d{6}$/.test(yymmdd)) return undefined
  const yy = Number(yymmdd.slice(0, 2))
  const mm = yymmdd.slice(2, 4)
  const dd = yymmdd.slice(4, 6)
  if (Number(mm) < 1 || Number(mm) > 12 || Number(dd) < 1 || Number(dd) > 31) return undefined
  let year = 2000 + yy
  if (kind === 'birth' && `${year}-${mm}-${dd}` > now.toISOString().slice(0, 10)) year -= 100
  return `${year}-${mm}-${dd}`
}

/**
 * Reads MRZ lines with the `mrz` package (no autocorrect: our own correction has run, and its
 * letter/digit swaps can make a read worse). Check-digit verdicts come from each detail, not from
 * the overall `valid`, which is false for every fictional or unlisted code such as UTO.
 * Fields the package leaves null because their code is unknown are taken raw from their range.
 */
export function parseMrzLines(lines: readonly string[], now: Date): ParsedMrz | null {
  let result
  try {
    result = parse(lines, { autocorrect: false })
  } catch {
    return null
  }
  if (result.format !== 'TD1' && result.format !== 'TD2' && result.format !== 'TD3') return null
  const byField = new Map<string, Details>(result.details.map((d) => [d.field ?? '', d]))
  const raw = (field: string): string | undefined => {
    const d = byField.get(field)
    const r = d?.ranges[0]
    return r ? lines[r.line].slice(r.start, r.end) : undefined
  }
  const value = (field: string): string | undefined => {
    const v = byField.get(field)?.value
    return typeof v === 'string' && v !== '' ? v : undefined
  }
  const code = (field: string) => raw(field)?.replace(/<+/g, '') || undefined
  const sexRaw = raw('sex')
  const fields: DocumentFields = {
    lastName: value('lastName'),
    firstName: value('firstName'),
    documentNumber: value('documentNumber') ?? raw('documentNumber')?.replace(/<+/g, ''),
    dateOfBirth: mrzDateToIso(raw('birthDate') ?? '', 'birth', now),
    documentExpiry: mrzDateToIso(raw('expirationDate') ?? '', 'expiry', now),
    nationality: code('nationality'),
    issuingCountry: code('issuingState'),
    sex: sexRaw === 'M' || sexRaw === 'F' ? sexRaw : sexRaw === '<' || sexRaw === 'X' ? 'X' : undefined,
    documentCode: code('documentCode'),
  }
  for (const k of Object.keys(fields) as (keyof DocumentFields)[]) if (fields[k] === undefined) delete fields[k]
  const checks: MrzCheck[] = result.details
    .filter((d) => d.field && CHECK_FIELDS[d.field])
    .map((d) => ({ field: CHECK_FIELDS[d.field as string], valid: d.valid }))
  return { format: result.format, fields, checks }
}
