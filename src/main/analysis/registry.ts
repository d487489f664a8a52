import type { Analyser } from './types'
import { faceCaptureAnalyser, faceMatchAnalyser } from './face'
import { documentExpiryAnalyser, identityDataAnalyser } from './identity-data'
import { documentIncompleteAnalyser } from './document-incomplete'
import { documentFileAnalyser } from './document-file'
import { documentQualityAnalyser } from './document-quality'
import { accountRiskAnalyser } from './account-risk'
import { uploadsAnalyser } from './uploads'
import { clientAnalyser } from './client'
import { backlogAnalyser } from './backlog'
import { duplicateIdentityAnalyser } from './duplicates'

/**
 * Every analyser, in the order they run. Order matters only for cost: cheap data checks first,
 * then pixels; facts (MRZ, faces, decoded images) are shared through the context either way.
 */
export const ANALYSERS: readonly Analyser[] = [
  accountRiskAnalyser,
  uploadsAnalyser,
  clientAnalyser,
  backlogAnalyser,
  documentIncompleteAnalyser,
  documentFileAnalyser,
  identityDataAnalyser,
  documentExpiryAnalyser,
  documentQualityAnalyser,
  faceCaptureAnalyser,
  faceMatchAnalyser,
  duplicateIdentityAnalyser,
]
