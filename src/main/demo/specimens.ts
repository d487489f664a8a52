import { readFileSync } from 'node:fs'
import sharp from 'sharp'
import { z } from 'zod'
import { resourcePath } from '../resources'

/** resources/demo/specimens.json: where each specimen has its portrait and MRZ lines. */
const Box = z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() })
export type Box = z.infer<typeof Box>

/** A printed (visual zone) field that repeats what the MRZ says, and the font it is set in. */
const PrintedField = z.object({
  field: z.enum(['lastName', 'firstName', 'fullName', 'nativeName', 'documentNumber', 'documentSeries', 'documentSerial']),
  box: Box,
  font: z.enum(['sans', 'mono', 'cjk']).optional(),
})
export type PrintedField = z.infer<typeof PrintedField>

const SpecimenSchema = z.object({
  file: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  documentType: z.enum(['PASSPORT', 'ID_CARD']),
  layout: z.enum(['TD1', 'TD2', 'TD3']),
  documentCode: z.string(),
  /** `generic` = the fictional Utopia specimens, used for any nationality; else a culture key. */
  cultures: z.string(),
  portrait: Box,
  ghostPortrait: Box.optional(),
  /** Areas painted in the paper colour: what is left of the old portrait around the new one. */
  blanks: z.array(Box).optional(),
  mrzLines: z.array(Box).min(2).max(3),
  ink: z.string(),
  portraitTone: z.enum(['colour', 'grey', 'faded']),
  needsBack: z.boolean().optional(),
  /** Printed name and number fields, covered with the person's data. */
  printed: z.array(PrintedField).optional(),
  note: z.string(),
})
export type Specimen = z.infer<typeof SpecimenSchema>

const ManifestSchema = z.object({ about: z.string(), specimens: z.array(SpecimenSchema).min(1) })

let manifest: Specimen[] | undefined
export function specimens(): Specimen[] {
  manifest ??= ManifestSchema.parse(JSON.parse(readFileSync(resourcePath('demo', 'specimens.json'), 'utf8'))).specimens
  return manifest
}

export interface RawImage {
  data: Buffer
  width: number
  height: number
  channels: 3
}

const rawCache = new Map<string, Promise<RawImage>>()

/** A specimen's pixels as raw RGB, decoded once per process. */
export function specimenPixels(file: string): Promise<RawImage> {
  let hit = rawCache.get(file)
  if (!hit) {
    hit = sharp(resourcePath('specimens', 'documents', file))
      .removeAlpha()
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true })
      .then(({ data, info }) => ({ data, width: info.width, height: info.height, channels: 3 as const }))
    rawCache.set(file, hit)
  }
  return hit
}

export const FACE_PEOPLE = ['amy', 'bernadette', 'howard', 'leonard'] as const
export type FacePerson = (typeof FACE_PEOPLE)[number]
export const FACE_SEX: Record<FacePerson, 'F' | 'M'> = { amy: 'F', bernadette: 'F', howard: 'M', leonard: 'M' }
/** Hair around each person's face photo (the photos are brow-to-chin crops: the selfie draws the rest of the head). */
export const FACE_LOOK: Record<FacePerson, { hair: 'dark' | 'brown' | 'blond'; long: boolean }> = {
  amy: { hair: 'brown', long: true },
  bernadette: { hair: 'blond', long: true },
  howard: { hair: 'dark', long: false },
  leonard: { hair: 'brown', long: false },
}

export function facePath(person: FacePerson, n: number): string {
  return resourcePath('specimens', 'faces', person, `${person}${n}.png`)
}

export function groupPhotoPath(): string {
  return resourcePath('specimens', 'faces', 'group-bbt1.jpg')
}

export function mrzFontPath(): string {
  return resourcePath('fonts', 'OCRB.otf')
}
