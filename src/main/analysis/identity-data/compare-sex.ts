import type { DocumentData } from '../../../shared/domain/document-data'
import { baseConfidence, sourceWords, type Mismatch } from './mismatch-finding'

/** The document's sex marker as M, F or X (unspecified: MRZ '<', X, or words vendors use). */
export function normaliseSex(value: string): 'M' | 'F' | 'X' | null {
  const v = value.trim().toUpperCase()
  if (v === 'M' || v === 'MALE' || v === 'MAN' || v === '男') return 'M'
  if (v === 'F' || v === 'FEMALE' || v === 'WOMAN' || v === 'W' || v === '女') return 'F'
  if (v === 'X' || v === '<' || v === 'U' || v === 'UNSPECIFIED' || v === 'UNKNOWN' || v === '') return 'X'
  return null
}

const WORDS = { M: { en: 'male (M)', zh: '男（M）' }, F: { en: 'female (F)', zh: '女（F）' }, X: { en: 'unspecified (X)', zh: '未指定（X）' } }

/**
 * M against F is a mismatch. A document that leaves sex unspecified (MRZ '<') matches any
 * typed value; a typed X against a document's M or F is a warning: the form's X may mean
 * "prefer not to say", but the document's value is what the check compares.
 */
export function compareSex(typed: 'M' | 'F' | 'X' | undefined, data: DocumentData): Mismatch[] {
  const raw = data.fields.sex
  if (!typed || raw === undefined || data.source === 'none') return []
  const document = normaliseSex(raw)
  if (document === null || document === 'X' || document === typed) return []
  const src = sourceWords(data)
  const soft = typed === 'X'
  return [
    {
      code: 'SEX',
      field: 'sex',
      typed,
      document: raw,
      kind: soft ? 'typed-unspecified' : 'different',
      severity: soft ? 'warning' : 'blocker',
      confidence: baseConfidence(data, 'sex') * (soft ? 0.7 : 1),
      explanation: {
        en: `Sex is typed as ${WORDS[typed].en} but ${src.en} says ${WORDS[document].en}.${soft ? ' Select the value shown on the document.' : ''}`,
        'zh-CN': `客户填写的性别为${WORDS[typed].zh}，而${src['zh-CN']}上为${WORDS[document].zh}。${soft ? '请选择与证件一致的性别。' : ''}`,
      },
      remedies: ['CORRECT_PERSONAL_DATA'],
    },
  ]
}
