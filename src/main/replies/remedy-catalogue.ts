import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { resourcePath } from '../resources'
import { RemedyCatalogueSchema, type Remedy, type RemedyCatalogue, type RemedyId } from '../../shared/domain/remedy'

/** resources/remedies.json, validated when loaded: a bad catalogue stops the app, never a reply. */
export function loadRemedyCatalogue(file = resourcePath('remedies.json')): RemedyCatalogue {
  const parsed = RemedyCatalogueSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')))
  if (!parsed.success) throw new Error(`Invalid remedy catalogue ${file}: ${z.prettifyError(parsed.error)}`)
  return parsed.data
}

let cached: RemedyCatalogue | undefined
export function remedyCatalogue(): RemedyCatalogue {
  cached ??= loadRemedyCatalogue()
  return cached
}

export function remedyIndex(catalogue: RemedyCatalogue): Map<RemedyId, Remedy> {
  return new Map(catalogue.remedies.map((r) => [r.id, r]))
}
