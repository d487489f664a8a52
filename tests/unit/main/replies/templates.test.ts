import { describe, expect, it } from 'vitest'
import { loadBundledTemplates } from '../../../../src/main/replies/template-resources'
import { lintTemplate } from '../../../../src/main/replies/template-lint'
import { replyLiquid } from '../../../../src/main/replies/liquid-engine'
import { replyVariables, sampleVariables } from '../../../../src/main/replies/reply-variables'
import { pickLocale } from '../../../../src/main/replies/locale'
import { loadRemedyCatalogue, remedyIndex } from '../../../../src/main/replies/remedy-catalogue'
import { TEMPLATE_PURPOSES } from '../../../../src/shared/domain/reply'

const bundled = loadBundledTemplates()
const index = remedyIndex(loadRemedyCatalogue())
const resubmission = bundled.find((t) => t.key === 'request_resubmission')!

function render(locale: string) {
  const variant = resubmission.variants.find((v) => v.locale === locale)!
  const vars = replyVariables({
    customerName: locale === 'zh-CN' ? '林美华' : 'MEI-HUA LIN', caseId: 'BN-2025-000123', attempt: 2,
    remedies: ['SELFIE_IN_DAYLIGHT', 'RETAKE_DOCUMENT_PHOTO'],
    fields: [{ field: 'dateOfBirth', label: { en: 'Date of birth', 'zh-CN': '出生日期' }, typed: '1976-01-02', document: '1976-01-01' }],
    deadline: new Date(Date.UTC(2025, 1, 21)), agentName: 'Alex',
  }, locale, index)
  return { subject: replyLiquid().parseAndRenderSync(variant.subject, vars) as string, body: replyLiquid().parseAndRenderSync(variant.body, vars) as string }
}

describe('bundled reply templates', () => {
  it('has one template per purpose, each with en and zh-CN variants, all lint-clean', () => {
    expect(bundled.map((t) => t.purpose).sort()).toEqual([...TEMPLATE_PURPOSES].sort())
    for (const t of bundled) {
      expect(t.variants.map((v) => v.locale).sort(), t.key).toEqual(['en', 'zh-CN'])
      expect(lintTemplate(t.purpose, t.variants), t.key).toEqual([])
    }
  })

  it('renders a resubmission in English with the remedies in order, the fields and the deadline', () => {
    const { subject, body } = render('en')
    expect(subject).toBe('Your identity verification (BN-2025-000123): what to change before you try again')
    expect(body).toContain('Dear MEI-HUA LIN,')
    expect(body).toMatch(/1\. Take the selfie in daylight[^\n]*\n2\. Take a new photo of your document/)
    expect(body).toContain('- Date of birth: you entered "1976-01-02", your document shows "1976-01-01"')
    expect(body).toContain('by 21 February 2025')
  })

  it('renders the same reply in Chinese with the Chinese remedy texts and date', () => {
    const { subject, body } = render('zh-CN')
    expect(subject).toBe('您的身份认证（BN-2025-000123）：重新提交前需要调整的地方')
    expect(body).toContain('林美华，您好')
    expect(body).toContain('1. 请在白天面向窗户自拍')
    expect(body).toContain('- 出生日期：您填写的是“1976-01-02”，证件上是“1976-01-01”')
    expect(body).toContain('2025年2月21日')
  })

  it('falls back to en for a locale without a variant, and to the same language first', () => {
    expect(pickLocale(['en', 'zh-CN'], 'de-DE')).toEqual({ locale: 'en', fallbackFrom: 'de-DE' })
    expect(pickLocale(['en', 'zh-CN'], 'zh-TW')).toEqual({ locale: 'zh-CN', fallbackFrom: 'zh-TW' })
    expect(pickLocale(['en', 'zh-CN'], 'zh-cn')).toEqual({ locale: 'zh-CN', fallbackFrom: null })
  })
})

describe('strict Liquid', () => {
  it('throws on an unknown variable or property instead of printing nothing', () => {
    expect(() => replyLiquid().parseAndRenderSync('Hello {{ customer_nmae }}', sampleVariables('en'))).toThrow(/undefined variable: customer_nmae/)
    expect(() => replyLiquid().parseAndRenderSync('{% for r in remedies %}{{ r.txt }}{% endfor %}', sampleVariables('en'))).toThrow(/r\.txt/)
    // Only own properties: nothing reachable through the prototype.
    expect(() => replyLiquid().parseAndRenderSync('{{ case_id.constructor }}', sampleVariables('en'))).toThrow(/undefined variable/)
  })

  it('refuses unknown filters and tags that would read files', () => {
    expect(() => replyLiquid().parse('{{ customer_name | shout }}')).toThrow(/undefined filter: shout/)
    expect(() => replyLiquid().parse('{% include "/etc/passwd" %}')).toThrow(/not allowed/)
    expect(() => replyLiquid().parse('{% render "secrets" %}')).toThrow(/not allowed/)
  })
})

describe('template lint', () => {
  const en = { locale: 'en', subject: 'Case {{ case_id }}', body: '{% for remedy in remedies %}{{ remedy.text }}{% endfor %}' }
  const zh = { ...en, locale: 'zh-CN' }

  it('reports syntax errors with their line, unknown variables and filters', () => {
    const issues = lintTemplate('approve', [
      { locale: 'en', subject: 'Hi {{ customer_name | shout }}', body: 'line one\n{% if attempt > 1 %}\nagain' },
      { locale: 'zh-CN', subject: '{{ password_reset_link }}', body: '{% for remedy in remedies %}{{ remedy.txt }}{% endfor %}' },
    ])
    expect(issues).toEqual(expect.arrayContaining([
      expect.objectContaining({ code: 'UNKNOWN_FILTER', locale: 'en', part: 'subject' }),
      expect.objectContaining({ code: 'SYNTAX', locale: 'en', part: 'body', line: 2 }),
      expect.objectContaining({ code: 'UNKNOWN_VARIABLE', locale: 'zh-CN', part: 'subject', message: expect.stringContaining('password_reset_link') }),
      expect.objectContaining({ code: 'UNKNOWN_VARIABLE', locale: 'zh-CN', part: 'body', message: expect.stringContaining('remedy.txt') }),
    ]))
  })

  it('reports a missing locale variant (en is an error, zh-CN a warning) and a resubmission without remedies', () => {
    expect(lintTemplate('approve', [zh])).toEqual([expect.objectContaining({ code: 'MISSING_LOCALE', locale: 'en', severity: 'error' })])
    expect(lintTemplate('approve', [en])).toEqual([expect.objectContaining({ code: 'MISSING_LOCALE', locale: 'zh-CN', severity: 'warning' })])
    const noLoop = lintTemplate('request_resubmission', [en, { ...zh, body: 'Please try again.' }])
    expect(noLoop).toEqual([expect.objectContaining({ code: 'NO_REMEDY_LOOP', locale: 'zh-CN', severity: 'error' })])
    expect(lintTemplate('request_resubmission', [en, zh])).toEqual([])
  })
})
