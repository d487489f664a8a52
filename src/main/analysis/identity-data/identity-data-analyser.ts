import type { DocumentData } from '../../../shared/domain/document-data'
import type { Finding } from '../../../shared/domain/finding'
import { getDocumentData } from '../document-data'
import type { Analyser, AnalysisContext } from '../types'
import { addressFindings } from './address-format'
import { checkDigitMismatches } from './check-digit-findings'
import { compareCountry } from './compare-countries'
import { compareDates } from './compare-dates'
import { compareDocumentNumbers } from './compare-document-number'
import { compareNames } from './compare-names'
import { compareSex } from './compare-sex'
import { IDENTITY_DATA_SECTION, identityDataSettings } from './identity-settings'
import { mismatchFinding } from './mismatch-finding'
import { typedNameSlips } from './typed-native-name'
import { underageFinding } from './underage'
import { doubtOwnMisreads, vendorDocumentData } from './vendor-cross-check'

/**
 * IDENTITY_DATA_MISMATCH: what the customer typed against what the document says, field by
 * field (docs/analysis/identity-data.md). A difference found against our own MRZ read, where
 * the vendor's reading agrees with the typed value, becomes an info note (probably our misread).
 * Without document data only the checks that need none run (age by the typed date, address
 * format), plus one info finding saying so.
 */
export async function identityDataFindings(ctx: AnalysisContext): Promise<Finding[]> {
  const s = identityDataSettings(ctx.settings)
  const data = await getDocumentData(ctx)
  const form = ctx.bundle.form
  const compareAll = (doc: DocumentData) => [
    ...compareNames({ lastName: form.lastName, firstName: form.firstName, nativeName: form.nativeName, nationality: form.nationality }, doc, s),
    ...compareDates('dateOfBirth', form.dateOfBirth, doc.fields.dateOfBirth, doc, ctx.now),
    ...compareDocumentNumbers(form.documentNumber, doc, s),
    ...compareCountry('nationality', form.nationality, doc),
    ...compareCountry('issuingCountry', form.issuingCountry, doc),
    ...compareSex(form.sex, doc),
    ...compareDates('documentExpiry', form.documentExpiry, doc.fields.documentExpiry, doc, ctx.now),
  ]
  let mismatches = compareAll(data)
  const vendor = data.source === 'mrz' ? vendorDocumentData(ctx.bundle, ctx.now) : null
  if (vendor && mismatches.length > 0) mismatches = doubtOwnMisreads(mismatches, compareAll(vendor), vendor)
  mismatches.push(...checkDigitMismatches(data))
  // No name to compare with on the document: the typed Latin and native-script names can still disagree.
  if (data.fields.lastName === undefined && data.fields.firstName === undefined) {
    mismatches.push(...typedNameSlips({ lastName: form.lastName, firstName: form.firstName, nativeName: form.nativeName, nationality: form.nationality }, s))
  }
  const findings = mismatches.map((m) => mismatchFinding(m, data))
  if (data.source === 'none') findings.unshift(noDocumentDataFinding())
  const underage = underageFinding(form.dateOfBirth, ctx.bundle.submittedAt, data, s.minimumAge, ctx.now)
  if (underage) findings.push(underage)
  if (form.address) findings.push(...addressFindings(form.address))
  return findings
}

function noDocumentDataFinding(): Finding {
  return {
    cause: 'IDENTITY_DATA_MISMATCH',
    code: 'DOCUMENT_DATA_UNAVAILABLE',
    severity: 'info',
    confidence: 1,
    evidence: { documentSource: 'none' },
    explanation: {
      en: 'No data could be read from the document (no readable MRZ and no vendor extraction), so the typed name, date of birth and document number were not compared. Compare them with the document photo by eye.',
      'zh-CN': '未能从证件读取任何数据（没有可识别的机读区，也没有验证服务商的识别结果），因此没有比较客户填写的姓名、出生日期和证件号码。请对照证件照片人工核对。',
    },
    remedies: [],
  }
}

export const identityDataAnalyser: Analyser = {
  id: 'identity-data',
  version: '1.0.0',
  causes: ['IDENTITY_DATA_MISMATCH'],
  settingsSections: [IDENTITY_DATA_SECTION],
  run: identityDataFindings,
}
