import type { FieldToCorrect, Remedy, RemedyId } from '../../shared/domain/remedy'
import { formatDeadline, textLocale } from './locale'

/** Exactly the data a template sees (docs/replies.md, TEMPLATE_VARIABLES). Plain own properties only. */
export interface ReplyVariables {
  customer_name: string
  case_id: string
  attempt: number
  remedies: { id: string; text: string }[]
  fields: { field: string; label: string; typed: string; document: string }[]
  deadline: string
  agent_name: string
}

export interface ReplyFacts {
  customerName: string
  caseId: string
  attempt: number
  remedies: readonly RemedyId[]
  fields: readonly FieldToCorrect[]
  deadline: Date
  agentName: string
}

/**
 * Builds the variables in the reply's language. Internal-only remedies are dropped here too (the
 * guard would block them anyway): a customer text is the only text of a remedy a reply can carry.
 */
export function replyVariables(facts: ReplyFacts, locale: string, catalogue: ReadonlyMap<RemedyId, Remedy>): ReplyVariables {
  const lang = textLocale(locale)
  const remedies = facts.remedies.flatMap((id) => {
    const text = catalogue.get(id)?.customerText?.[lang]
    return text ? [{ id, text }] : []
  })
  return {
    customer_name: facts.customerName,
    case_id: facts.caseId,
    attempt: facts.attempt,
    remedies,
    fields: facts.fields.map((f) => ({ field: f.field, label: f.label[lang], typed: f.typed, document: f.document })),
    deadline: formatDeadline(facts.deadline, locale),
    agent_name: facts.agentName,
  }
}

/** Realistic data for lint renders: every variable set, lists non-empty, so every branch runs. */
export function sampleVariables(locale: string): ReplyVariables {
  const zh = textLocale(locale) === 'zh-CN'
  return {
    customer_name: zh ? '林美华' : 'Mei-Hua Lin',
    case_id: 'BN-2025-000123',
    attempt: 2,
    remedies: [
      { id: 'RETAKE_SELFIE', text: zh ? '请重新自拍。' : 'Take a new selfie.' },
      { id: 'SELFIE_IN_DAYLIGHT', text: zh ? '请在白天面向窗户自拍。' : 'Take the selfie in daylight, facing a window.' },
    ],
    fields: [{ field: 'dateOfBirth', label: zh ? '出生日期' : 'Date of birth', typed: '1976-01-02', document: '1976-01-01' }],
    deadline: formatDeadline(new Date(Date.UTC(2025, 2, 14)), locale),
    agent_name: zh ? '王小明' : 'Alex Smith',
  }
}
