import type { DocumentData } from '../../../shared/domain/document-data'

/**
 * The name field of the MRZ and how many characters it holds (ICAO 9303: TD3 passports 39,
 * TD2 31, TD1 cards 30). Names longer than that are cut, so a typed name may rightly be longer
 * than the document's.
 */
export const NAME_CAPACITY = { TD1: 30, TD2: 31, TD3: 39 } as const

export interface MrzNameField {
  /** The raw field, fillers included: ERIKSSON<<ANNA<MARIA<<<… */
  field: string
  capacity: number
}

function formatOf(data: DocumentData): keyof typeof NAME_CAPACITY | undefined {
  if (data.mrzFormat) return data.mrzFormat
  const lines = data.mrz
  if (!lines) return undefined
  if (lines.length === 3 && lines[0].length === 30) return 'TD1'
  if (lines.length === 2 && lines[0].length === 36) return 'TD2'
  if (lines.length === 2 && lines[0].length === 44) return 'TD3'
  return undefined
}

export function mrzNameField(data: DocumentData): MrzNameField | null {
  const format = formatOf(data)
  const lines = data.mrz
  if (!format || !lines) return null
  const field = format === 'TD1' ? lines[2]?.slice(0, 30) : lines[0]?.slice(5, 5 + NAME_CAPACITY[format])
  if (!field || field.length !== NAME_CAPACITY[format]) return null
  return { field, capacity: NAME_CAPACITY[format] }
}

/** The capacity a document's name field has, when its format is known. */
export function nameCapacity(data: DocumentData): number | undefined {
  const format = formatOf(data)
  return format ? NAME_CAPACITY[format] : undefined
}
