import { describe, expect, it } from 'vitest'
import { checkDisclosure } from '../../../../src/main/replies/disclosure-guard'
import { loadRemedyCatalogue } from '../../../../src/main/replies/remedy-catalogue'
import { loadBundledTemplates } from '../../../../src/main/replies/template-resources'
import { replyLiquid } from '../../../../src/main/replies/liquid-engine'
import { sampleVariables } from '../../../../src/main/replies/reply-variables'

const catalogue = loadRemedyCatalogue()

describe('the disclosure guard', () => {
  it('blocks a reply that tells the customer about a security signal, in English or Chinese', () => {
    const en = checkDisclosure('Your verification', 'We noticed suspicious logins from another country, so your account may have been taken over.')
    expect(en.ok).toBe(false)
    expect(en.hits.map((h) => h.term)).toEqual(expect.arrayContaining(['suspicious', 'taken over']))
    expect(en.reason?.en).toMatch(/^Blocked: the reply mentions/)
    const zh = checkDisclosure('您的认证', '我们发现您的账户存在异常登录，可能已被盗用，已转交合规团队处理。')
    expect(zh.ok).toBe(false)
    expect(zh.hits.map((h) => h.category)).toEqual(expect.arrayContaining(['security', 'compliance']))
    expect(zh.reason?.['zh-CN']).toMatch(/已拦截/)
  })

  it('blocks fraud, duplicate-account and blacklist mentions, however they are spaced', () => {
    for (const text of ['This document is already used by another account.', 'Possible FRAUD detected.', 'You are on our black-list.', '您 有 重复 账户', 'duplicate\naccount']) {
      expect(checkDisclosure('', text).ok, text).toBe(false)
    }
  })

  it('blocks a text leaking an internal remedy, by id or by its agent note', () => {
    const byId = checkDisclosure('', 'Next step: ESCALATE_TO_COMPLIANCE', { catalogue })
    expect(byId.ok).toBe(false)
    expect(byId.hits[0]).toMatchObject({ category: 'internal_remedy', term: 'ESCALATE_TO_COMPLIANCE' })
    const byText = checkDisclosure('', `Note: ${catalogue.remedies.find((r) => r.id === 'SECURE_ACCOUNT')!.agentText.en}`, { catalogue })
    expect(byText.hits.some((h) => h.category === 'internal_remedy')).toBe(true)
    const codes = checkDisclosure('', 'Code ACCOUNT_SECURITY_RISK / IMPOSSIBLE_TRAVEL')
    expect(codes.hits.map((h) => h.term)).toEqual(['ACCOUNT_SECURITY_RISK', expect.stringMatching(/impossible[ _]travel/i)])
  })

  it('blocks the vendor’s own labels and, in a restricted case, even generic password advice', () => {
    expect(checkDisclosure('', 'Reason: DUPLICATED_ACCOUNT_DETECTED', { vendorLabels: ['DUPLICATED_ACCOUNT_DETECTED'] }).ok).toBe(false)
    const advice = 'Change your password to a new, strong one. 请开启双重验证。'
    expect(checkDisclosure('', advice).ok).toBe(true)
    expect(checkDisclosure('', advice, { restricted: true }).hits.map((h) => h.category)).toEqual(['account_advice', 'account_advice'])
  })

  it('lets every customer remedy text and every bundled template through (no false alarm on our own words)', () => {
    for (const r of catalogue.remedies.filter((x) => !x.internalOnly)) {
      for (const lang of ['en', 'zh-CN'] as const) expect(checkDisclosure('', r.customerText![lang], { catalogue }), `${r.id} ${lang}`).toMatchObject({ ok: true })
    }
    for (const t of loadBundledTemplates()) {
      for (const v of t.variants) {
        const vars = sampleVariables(v.locale)
        const out = checkDisclosure(replyLiquid().parseAndRenderSync(v.subject, vars), replyLiquid().parseAndRenderSync(v.body, vars), { catalogue, restricted: t.purpose === 'escalation_holding_reply' })
        expect(out, `${t.key} ${v.locale}`).toMatchObject({ ok: true })
      }
    }
  })
})
