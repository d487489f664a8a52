import { z } from '../zod'
import { RegionSchema } from './finding'

/**
 * What the analysis read from the identity document itself: from its machine-readable zone when
 * one could be read, else from the vendor's extraction, else nothing. This is the `documentData`
 * of `kyc-desk analyze --json` and the "document" column of the typed-vs-document table.
 */
export const DocumentFieldsSchema = z.object({
  lastName: z.string().optional(),
  firstName: z.string().optional(),
  documentNumber: z.string().optional(),
  dateOfBirth: z.string().optional(), // ISO date when known
  documentExpiry: z.string().optional(), // ISO date when known
  nationality: z.string().optional(),
  issuingCountry: z.string().optional(),
  sex: z.string().optional(),
  documentCode: z.string().optional(), // e.g. P, I, ID, AC
})
export type DocumentFields = z.infer<typeof DocumentFieldsSchema>

export const MrzCheckSchema = z.object({
  field: z.string(), // documentNumber, dateOfBirth, documentExpiry, personalNumber, composite
  valid: z.boolean(),
})

export const DocumentDataSchema = z.object({
  source: z.enum(['mrz', 'vendor', 'none']),
  /** MRZ lines exactly as read after correction, or null when none was read. */
  mrz: z.array(z.string()).nullable(),
  fields: DocumentFieldsSchema,
  /** Which document file the MRZ was read from, and where on it (normalised). */
  artifact: z.string().optional(),
  mrzRegion: RegionSchema.optional(),
  mrzFormat: z.enum(['TD1', 'TD2', 'TD3']).optional(),
  checks: z.array(MrzCheckSchema).optional(),
})
export type DocumentData = z.infer<typeof DocumentDataSchema>
