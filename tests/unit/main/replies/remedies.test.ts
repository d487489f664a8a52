import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { loadRemedyCatalogue } from '../../../../src/main/replies/remedy-catalogue'
import { assessRestriction, preselectRemedies } from '../../../../src/main/replies/case-remedies'
import { fieldsToCorrect } from '../../../../src/main/replies/fields-to-correct'
import { REMEDY_IDS, RemedyCatalogueSchema } from '../../../../src/shared/domain/remedy'
import { finding } from '../services/reply-fixtures'

const catalogue = loadRemedyCatalogue()

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : []
  })
}

/** Remedy ids the analysers emit: string literals on `remedies` lines and in REMEDIES tables. */
function analyserRemedyIds(): Set<string> {
  const ids = new Set<string>()
  for (const file of tsFiles('src/main/analysis')) {
    let inTable = false
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (/REMEDIES\b[^=]*=\s*\{/.test(line)) inTable = true
      if (inTable || /remedies/i.test(line)) {
        // Only literals inside array brackets or push(…): a finding's code on the same line is not a remedy.
        const lists = [...line.matchAll(/\[([^[\]]*)\]/g), ...line.matchAll(/push\(([^)]*)\)/g)].map((m) => m[1])
        for (const list of lists) for (const m of list.matchAll(/'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'/g)) ids.add(m[1])
      }
      if (inTable && /^\s*}/.test(line)) inTable = false
    }
  }
  return ids
}

describe('the remedy catalogue', () => {
  it('has every remedy id once, with en and zh-CN texts, and customer texts only where customers may read them', () => {
    expect(catalogue.remedies.map((r) => r.id).sort()).toEqual([...REMEDY_IDS].sort())
    for (const r of catalogue.remedies) {
      expect(r.agentText.en.length, r.id).toBeGreaterThan(10)
      expect(r.agentText['zh-CN'], r.id).toMatch(/[\u4e00-\u9fff]/)
      if (!r.internalOnly) expect(r.customerText!['zh-CN'], r.id).toMatch(/[\u4e00-\u9fff]/)
    }
    const internal = catalogue.remedies.filter((r) => r.internalOnly).map((r) => r.id)
    expect(internal).toEqual(expect.arrayContaining(['ESCALATE_TO_COMPLIANCE', 'SECURE_ACCOUNT']))
  })

  it('refuses a catalogue with a missing id or a customer text on an internal remedy', () => {
    const raw = JSON.parse(readFileSync('resources/remedies.json', 'utf8'))
    expect(RemedyCatalogueSchema.safeParse({ ...raw, remedies: raw.remedies.slice(1) }).success).toBe(false)
    const leaky = structuredClone(raw)
    leaky.remedies.find((r: { id: string }) => r.id === 'ESCALATE_TO_COMPLIANCE').customerText = { en: 'x', 'zh-CN': 'x' }
    expect(RemedyCatalogueSchema.safeParse(leaky).success).toBe(false)
  })

  it('knows every remedy id the analysers emit', () => {
    const used = analyserRemedyIds()
    expect(used.size).toBeGreaterThan(20)
    const known = new Set(catalogue.remedies.map((r) => r.id as string))
    expect([...used].filter((id) => !known.has(id))).toEqual([])
  })
})

describe('preselectRemedies', () => {
  it('puts blockers first, removes duplicates, ignores info findings and keeps internal remedies apart', () => {
    const findings = [
      finding('CLIENT_UNSUPPORTED', 'OUTDATED_BROWSER', 'warning', ['UPDATE_BROWSER', 'TRY_ANOTHER_BROWSER']),
      finding('FACE_CAPTURE_FAILED', 'TOO_DARK', 'blocker', ['SELFIE_IN_DAYLIGHT', 'RETAKE_SELFIE']),
      finding('FACE_CAPTURE_FAILED', 'BACKLIT', 'blocker', ['AVOID_BACKLIGHT', 'RETAKE_SELFIE']),
      finding('DOCUMENT_QUALITY', 'BLURRY', 'blocker', ['RETAKE_DOCUMENT_PHOTO']),
      finding('UPLOAD_NETWORK_FAILURE', 'TIMEOUT', 'info', ['USE_STABLE_WIFI']),
      finding('DUPLICATE_IDENTITY', 'SAME_DOCUMENT_NUMBER', 'blocker', ['ESCALATE_TO_COMPLIANCE']),
      finding('ACCOUNT_SECURITY_RISK', 'NEW_DEVICE', 'warning', ['SECURE_ACCOUNT', 'CHANGE_PASSWORD']),
    ]
    const { customer, internal } = preselectRemedies(findings, catalogue)
    // DOCUMENT_QUALITY ranks before FACE_CAPTURE_FAILED among blockers (causes.ts order).
    expect(customer).toEqual(['RETAKE_DOCUMENT_PHOTO', 'SELFIE_IN_DAYLIGHT', 'RETAKE_SELFIE', 'AVOID_BACKLIGHT', 'UPDATE_BROWSER', 'TRY_ANOTHER_BROWSER'])
    expect(internal).toEqual(['ESCALATE_TO_COMPLIANCE', 'SECURE_ACCOUNT', 'CHANGE_PASSWORD'])
  })

  it('sends a case with a security or duplicate finding, or a vendor FINAL, down the escalation path', () => {
    expect(assessRestriction([finding('FACE_MISMATCH', 'LOW_SIMILARITY', 'blocker', [])], undefined).restricted).toBe(false)
    expect(assessRestriction([finding('ACCOUNT_SECURITY_RISK', 'NO_TWO_FACTOR', 'info', [])], undefined).restricted).toBe(false)
    const r = assessRestriction([finding('DUPLICATE_IDENTITY', 'SAME_FACE', 'blocker', [])], { decision: 'RED', rejectType: 'FINAL' })
    expect(r.restricted).toBe(true)
    expect(r.reasons.map((x) => x.code)).toEqual(['DUPLICATE_IDENTITY', 'VENDOR_FINAL'])
  })

  it('lists the fields to correct with typed and document values', () => {
    const fields = fieldsToCorrect(
      [finding('IDENTITY_DATA_MISMATCH', 'DATE_OF_BIRTH', 'blocker', ['CHECK_DATE_FORMAT']), finding('IDENTITY_DATA_MISMATCH', 'NAME', 'warning', [])],
      { firstName: 'MEI-HUA', lastName: 'LIN', dateOfBirth: '1976-01-02' },
      { firstName: 'MEI HUA', lastName: 'LIN', dateOfBirth: '1976-01-01' },
    )
    expect(fields).toEqual([
      { field: 'dateOfBirth', label: { en: 'Date of birth', 'zh-CN': '出生日期' }, typed: '1976-01-02', document: '1976-01-01' },
      { field: 'name', label: { en: 'Name', 'zh-CN': '姓名' }, typed: 'MEI-HUA LIN', document: 'MEI HUA LIN' },
    ])
  })
})
