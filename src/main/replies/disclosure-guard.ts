import { CAUSE_CODES, UNDISCLOSABLE_CAUSES } from '../../shared/domain/causes'
import type { RemedyCatalogue } from '../../shared/domain/remedy'
import type { DisclosureHit, GuardResult } from '../../shared/domain/reply'

type Category = DisclosureHit['category']
interface Term { term: string; category: Category }

const t = (category: Category, ...terms: string[]): Term[] => terms.map((term) => ({ term, category }))

/**
 * Words and phrases that would tell a customer about a fraud or security signal. English terms
 * match as whole words, with any spacing or hyphen between words; Chinese terms match with any
 * whitespace between characters. Kept deliberately wide: a false alarm costs the agent one edit,
 * a leak tips off an account thief.
 */
const TERMS: Term[] = [
  ...t('security',
    'account takeover', 'takeover', 'take over', 'taken over', 'hijack', 'hijacked', 'compromised', 'hacked', 'hacker',
    'suspicious', 'unusual login', 'unusual logins', 'unusual sign-in', 'unusual activity', 'unusual access',
    'unauthorised', 'unauthorized', 'impossible travel', 'new device', 'unknown device', 'security risk', 'security signal',
    'security alert', 'security flag', 'security check', 'security review', 'security team', 'security concern',
    'stolen', 'breach', 'login attempts', 'failed logins',
    '盗号', '被盗', '盗用', '冒用', '接管', '异常登录', '可疑', '异常活动', '异地登录', '未经授权', '安全风险', '安全问题',
    '安全团队', '安全审查', '安全检查', '新设备', '陌生设备', '被黑', '入侵', '登录失败'),
  ...t('fraud',
    'fraud', 'fraudulent', 'scam', 'fake document', 'fake id', 'fake identity', 'forged', 'forgery', 'tampered',
    'money laundering', 'aml', 'identity theft', 'impersonation', 'impersonate',
    '欺诈', '诈骗', '伪造', '假证', '篡改', '洗钱', '身份盗窃', '冒充', '冒名'),
  ...t('duplicate',
    'duplicate account', 'duplicate identity', 'duplicate document', 'duplicate registration', 'duplicated account',
    'another account', 'other account', 'other accounts', 'second account', 'multiple accounts', 'linked account',
    'linked accounts', 'same document', 'same face', 'already registered', 'already used', 'already in use',
    '重复账户', '重复帐户', '重复身份', '重复注册', '其他账户', '其他帐户', '另一个账户', '另一个帐户', '另一账户', '多个账户',
    '多个帐户', '关联账户', '同一证件', '已被使用', '已被注册', '已被其他'),
  ...t('compliance',
    // Written with a space: the pattern then also matches "blacklist", "black-list" and "black list".
    'compliance', 'black list', 'black listed', 'block list', 'block listed', 'watch list', 'sanction', 'sanctions',
    'sanctioned', 'risk control', 'risk team', 'risk management', 'flagged', 'investigation', 'law enforcement',
    '合规', '黑名单', '风控', '风险控制', '风险管理', '制裁', '调查', '封禁', '监控名单', '执法'),
  ...t('internal_code', 'rejectType', 'FINAL rejection', ...UNDISCLOSABLE_CAUSES,
    ...UNDISCLOSABLE_CAUSES.flatMap((c) => CAUSE_CODES[c] as readonly string[]).filter((c) => c.includes('_'))),
]

/** In a restricted case even generic account advice hints at what was seen: "change your password". */
const ACCOUNT_ADVICE: Term[] = t('account_advice',
  'password', 'passwords', 'two-factor', 'two factor', '2fa', 'two-step', 'authenticator', 'log out', 'sign out',
  '密码', '双重验证', '两步验证', '双因素', '二次验证', '身份验证器', '退出登录')

const CJK = /[\u3000-\u9fff\uf900-\ufaff]/

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function pattern(term: string): RegExp {
  if (CJK.test(term)) return new RegExp([...term].map(escape).join('\\s*'), 'giu')
  const words = term.split(/[\s_-]+/).filter(Boolean).map(escape)
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join('[\\s_-]*')}(?![\\p{L}\\p{N}])`, 'giu')
}

export interface GuardContext {
  /** A restricted case (fraud/security finding or vendor FINAL): account advice is blocked too. */
  restricted?: boolean
  /** The remedy catalogue: internal-only remedy ids and their agent texts are blocked. */
  catalogue?: RemedyCatalogue
  /** The vendor's own labels and comment for this case (internal codes). */
  vendorLabels?: readonly string[]
  vendorComment?: string
}

function contextTerms(ctx: GuardContext): Term[] {
  const terms: Term[] = []
  for (const r of ctx.catalogue?.remedies ?? []) {
    if (!r.internalOnly) continue
    terms.push({ term: r.id, category: 'internal_remedy' })
    // Pasting the agent note of an internal remedy: its first words are enough to recognise it.
    for (const text of [r.agentText.en, r.agentText['zh-CN']]) {
      const head = text.split(/[:：.。;；]/)[0].trim()
      if (head.length >= 8) terms.push({ term: head, category: 'internal_remedy' })
    }
  }
  for (const label of ctx.vendorLabels ?? []) if (label.trim().length >= 4) terms.push({ term: label.trim(), category: 'vendor_label' })
  const comment = ctx.vendorComment?.trim()
  if (comment && comment.length >= 12) terms.push({ term: comment, category: 'vendor_label' })
  if (ctx.restricted) terms.push(...ACCOUNT_ADVICE)
  return terms
}

/**
 * Checks a rendered reply (subject and body) for anything that would disclose a fraud or security
 * signal. Not ok → the reply cannot be queued; `reason` says why in both languages.
 */
export function checkDisclosure(subject: string, body: string, ctx: GuardContext = {}): GuardResult {
  const text = `${subject}\n\n${body}`.normalize('NFKC')
  const hits: DisclosureHit[] = []
  const covered: [number, number][] = []
  // Longer terms first, so "duplicate account" is reported rather than a shorter overlapping term.
  const terms = [...TERMS, ...contextTerms(ctx)].sort((a, b) => b.term.length - a.term.length)
  for (const { term, category } of terms) {
    for (const m of text.matchAll(pattern(term.normalize('NFKC')))) {
      const start = m.index
      const end = start + m[0].length
      if (covered.some(([s, e]) => start < e && end > s)) continue
      covered.push([start, end])
      hits.push({ category, term, index: start, excerpt: text.slice(Math.max(0, start - 30), Math.min(text.length, end + 30)).replace(/\s+/g, ' ') })
    }
  }
  hits.sort((a, b) => a.index - b.index)
  if (hits.length === 0) return { ok: true, hits, reason: null }
  const terms_ = [...new Set(hits.map((h) => `“${h.term}”`))].slice(0, 5).join(', ')
  return {
    ok: false,
    hits,
    reason: {
      en: `Blocked: the reply mentions ${terms_}. A reply must never tell the customer about fraud or security checks, other accounts, compliance or internal codes. Remove it; for a case with such signals, escalate and send the holding reply.`,
      'zh-CN': `已拦截：回复中提到了 ${terms_}。回复绝不能向客户透露欺诈或安全检查、其他账户、合规或内部代码等信息。请删除相关内容；如案件存在此类信号，请升级处理并发送等待回复。`,
    },
  }
}
