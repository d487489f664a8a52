import type { DocumentData } from '../../../shared/domain/document-data'
import type { LocalizedText } from '../../../shared/domain/finding'
import { hanSpells, matchHanName, splitHanName } from './chinese-name'
import { characters, describeEdits } from './describe-edits'
import { editsBetween, type Edit } from './edit-distance'
import { foldName, isHanName, lettersOnly, mrzNameWords, nameSpellings } from './fold-text'
import type { IdentityDataSettings } from './identity-settings'
import { baseConfidence, FIELD_WORDS, sourceWords, type Mismatch } from './mismatch-finding'
import { mrzNameField, nameCapacity } from './mrz-name-field'

export interface TypedName {
  lastName: string
  firstName: string
  nativeName?: string
  /** The typed nationality: Han names of Japanese or Korean nationals are not read as Mandarin. */
  nationality?: string
}

export const NAME_REMEDIES = ['TYPE_NAME_AS_IN_MRZ', 'CORRECT_PERSONAL_DATA']
/** Han-character names of these nationalities are not Mandarin (kanji, hanja): not read. */
const NON_MANDARIN_HAN = new Set(['JPN', 'JP', 'KOR', 'KR', 'PRK', 'KP'])

function same(a: string, b: string): boolean {
  const bs = nameSpellings(b).map(lettersOnly)
  return nameSpellings(a).some((x) => bs.includes(lettersOnly(x)))
}

/** The closest pair of spellings and the edits between them. */
function closest(typed: string, document: string): { edits: Edit[]; typed: string; document: string } {
  let best: { edits: Edit[]; typed: string; document: string } | null = null
  for (const t of nameSpellings(typed)) {
    for (const d of nameSpellings(document)) {
      const edits = editsBetween(lettersOnly(t), lettersOnly(d))
      if (!best || edits.length < best.edits.length) best = { edits, typed: lettersOnly(t), document: lettersOnly(d) }
    }
  }
  return best!
}

/** Words of the two names whose spelling variants share a word list relation (subset either way). */
function wordSets(typed: string, document: string): { missing: string[]; extra: string[] } | null {
  for (const t of nameSpellings(typed)) {
    for (const d of nameSpellings(document)) {
      const tw = t.split(' ').filter(Boolean)
      const dw = d.split(' ').filter(Boolean)
      const missing = dw.filter((w) => !tw.includes(w))
      const extra = tw.filter((w) => !dw.includes(w))
      if (missing.length === 0 || extra.length === 0) {
        if (missing.length + extra.length > 0) return { missing, extra }
      }
    }
  }
  return null
}

export function isTypo(edits: number, length: number, s: IdentityDataSettings): boolean {
  return edits > 0 && edits <= s.nameTypoMaxEdits && edits / Math.max(1, length) <= s.nameTypoMaxEditFraction
}

function quoted(last: string, first: string): string {
  return first ? `${last}, ${first}` : last
}

interface Ctx {
  data: DocumentData
  s: IdentityDataSettings
  src: LocalizedText
  han: boolean
  nativeName: string
}

/** Typed name fields against the document's, in the order an agent checks them. */
export function compareNames(typed: TypedName, data: DocumentData, s: IdentityDataSettings): Mismatch[] {
  const docLast = data.fields.lastName
  const docFirst = data.fields.firstName
  if (data.source === 'none' || (docLast === undefined && docFirst === undefined)) return []
  const nativeName = typed.nativeName?.trim() ?? ''
  const han = nativeName !== '' && isHanName(nativeName) && !NON_MANDARIN_HAN.has((typed.nationality ?? '').toUpperCase())
  const ctx: Ctx = { data, s, src: sourceWords(data), han, nativeName }
  const out: Mismatch[] = []
  if (han) out.push(...compareNativeName(nativeName, docLast ?? '', docFirst ?? '', ctx))

  const lastSame = docLast === undefined || same(typed.lastName, docLast)
  const firstSame = docFirst === undefined || same(typed.firstName, docFirst)
  if (lastSame && firstSame) return out

  const truncated = truncation(typed, data)
  if (truncated) return [...out, truncated]

  if (docLast !== undefined && docFirst !== undefined) {
    const whole = wholeNameDifference(typed, docLast, docFirst, ctx)
    if (whole) return [...out, whole]
  }
  if (!lastSame) out.push(fieldDifference('lastName', typed.lastName, docLast!, ctx))
  if (!firstSame) out.push(givenNamesDifference(typed.firstName, docFirst!, ctx))
  return out
}

/** A long name cut by the MRZ: the typed name, written as the MRZ writes it, begins with the MRZ name. */
function truncation(typed: TypedName, data: DocumentData): Mismatch | null {
  const raw = mrzNameField(data)
  const capacity = raw?.capacity ?? nameCapacity(data)
  const docField =
    raw?.field ??
    (data.fields.lastName !== undefined ? `${mrzNameWords(data.fields.lastName)}<<${mrzNameWords(data.fields.firstName ?? '')}` : '')
  if (!capacity || docField.length !== capacity) return null
  const candidates = [
    `${mrzNameWords(typed.lastName)}<<${mrzNameWords(typed.firstName)}`,
    `${foldName(typed.lastName).replace(/ /g, '<')}<<${foldName(typed.firstName).replace(/ /g, '<')}`,
  ]
  const match = candidates.find((c) => c.length > capacity && c.slice(0, capacity) === docField)
  if (!match) return null
  const typedText = quoted(typed.lastName, typed.firstName)
  return {
    code: 'NAME',
    field: 'name',
    typed: typedText,
    document: docField,
    kind: 'mrz-truncated',
    severity: 'info',
    confidence: 0.9,
    details: { typedMrzLength: match.length, mrzNameCapacity: capacity },
    explanation: {
      en: `The typed name “${typedText}” is ${match.length} characters long as the MRZ writes it, but the MRZ name field holds only ${capacity}, so the document cuts it to “${docField}”. The typed name begins exactly like it: not a mismatch.`,
      'zh-CN': `客户填写的姓名“${typedText}”按机读区写法共 ${match.length} 个字符，而机读区姓名栏只能容纳 ${capacity} 个字符，因此证件上被截断为“${docField}”。填写的姓名开头与之完全一致：不属于信息不符。`,
    },
    remedies: [],
  }
}

/** Differences that concern both fields at once: swapped, or the same words split differently. */
function wholeNameDifference(typed: TypedName, docLast: string, docFirst: string, ctx: Ctx): Mismatch | null {
  const { data, src } = ctx
  const typedText = quoted(typed.lastName, typed.firstName)
  const docText = quoted(docLast, docFirst)
  const details = { typedLastName: typed.lastName, typedFirstName: typed.firstName, documentLastName: docLast, documentFirstName: docFirst }
  if (docFirst !== '' && same(typed.lastName, docFirst) && same(typed.firstName, docLast)) {
    return {
      code: 'NAME',
      field: 'name',
      typed: typedText,
      document: docText,
      kind: 'order-swapped',
      severity: 'blocker',
      confidence: baseConfidence(data, 'name') * 1.05,
      details,
      explanation: {
        en: `The name is typed the wrong way round: family name “${typed.lastName}” and given names “${typed.firstName}”, but ${src.en} has family name “${docLast}” and given names “${docFirst}”. The customer swapped the family name and the given names.`,
        'zh-CN': `姓名填反了：客户填写的姓为“${typed.lastName}”、名为“${typed.firstName}”，而${src['zh-CN']}上的姓为“${docLast}”、名为“${docFirst}”。客户把姓和名填颠倒了。`,
      },
      remedies: NAME_REMEDIES,
    }
  }
  const t = nameSpellings(`${typed.lastName} ${typed.firstName}`).map(lettersOnly)
  const tSwapped = nameSpellings(`${typed.firstName} ${typed.lastName}`).map(lettersOnly)
  const d = nameSpellings(`${docLast} ${docFirst}`).map(lettersOnly)
  const sortedWords = (v: string) => nameSpellings(v).map((x) => x.split(' ').sort().join(' '))
  const sameWords = sortedWords(`${typed.lastName} ${typed.firstName}`).some((x) => sortedWords(`${docLast} ${docFirst}`).includes(x))
  if (t.some((x) => d.includes(x)) || tSwapped.some((x) => d.includes(x)) || sameWords) {
    return {
      code: 'NAME',
      field: 'name',
      typed: typedText,
      document: docText,
      kind: 'split-differently',
      severity: 'blocker',
      confidence: baseConfidence(data, 'name') * 0.9,
      details,
      explanation: {
        en: `The same name is split differently between the fields: typed family name “${typed.lastName}” and given names “${typed.firstName}”, while ${src.en} has family name “${docLast}” and given names “${docFirst}”. Each field must hold exactly what the document shows in it.`,
        'zh-CN': `姓名的分栏方式不同：客户填写的姓为“${typed.lastName}”、名为“${typed.firstName}”，而${src['zh-CN']}上的姓为“${docLast}”、名为“${docFirst}”。每一栏都必须与证件上对应的内容完全一致。`,
      },
      remedies: NAME_REMEDIES,
    }
  }
  return null
}

/** A romanisation difference: typed and document names are both spellings of the native name's part. */
function romanisationOf(field: 'lastName' | 'firstName', typed: string, document: string, ctx: Ctx): string | null {
  if (!ctx.han) return null
  const parts = splitHanName(ctx.nativeName)
  const part = field === 'lastName' ? parts.surname : parts.given
  if (!part) return null
  const asSurname = field === 'lastName'
  const t = nameSpellings(typed).map(lettersOnly)
  const d = nameSpellings(document).map(lettersOnly)
  return t.some((x) => hanSpells(part, x, asSurname)) && d.some((x) => hanSpells(part, x, asSurname)) ? part : null
}

function fieldDifference(field: 'lastName' | 'firstName', typed: string, document: string, ctx: Ctx): Mismatch {
  const { data, s, src } = ctx
  const words = FIELD_WORDS[field]
  const base = baseConfidence(data, field)
  if (lettersOnly(foldName(typed)) === '') {
    return {
      code: 'NAME',
      field,
      typed,
      document,
      kind: 'not-typed',
      severity: 'blocker',
      confidence: base,
      explanation: {
        en: `The ${words.en} field was left empty, but ${src.en} has “${document}”.`,
        'zh-CN': `客户没有填写${words['zh-CN']}，而${src['zh-CN']}上为“${document}”。`,
      },
      remedies: NAME_REMEDIES,
    }
  }
  const han = romanisationOf(field, typed, document, ctx)
  if (han) {
    return {
      code: 'NAME',
      field,
      typed,
      document,
      kind: 'romanisation-differs',
      severity: 'blocker',
      confidence: base * 0.95,
      details: { nativeName: ctx.nativeName, nativePart: han },
      explanation: {
        en: `The ${words.en} is typed as “${typed}” but ${src.en} spells it “${document}”. Both are romanisations of ${han} (native name ${ctx.nativeName}), yet the typed name must be spelt exactly as on the document.`,
        'zh-CN': `客户填写的${words['zh-CN']}为“${typed}”，而${src['zh-CN']}上的拼写为“${document}”。两者都是“${han}”（本国文字姓名 ${ctx.nativeName}）的罗马字拼写，但填写的姓名必须与证件上的拼写完全一致。`,
      },
      remedies: NAME_REMEDIES,
    }
  }
  const near = closest(typed, document)
  const length = Math.max(near.typed.length, near.document.length)
  if (isTypo(near.edits.length, length, s)) {
    const how = describeEdits(near.edits)
    return {
      code: 'NAME',
      field,
      typed,
      document,
      kind: 'typo',
      severity: 'blocker',
      confidence: base,
      details: { edits: near.edits, editCount: near.edits.length, maxEdits: s.nameTypoMaxEdits, maxEditFraction: s.nameTypoMaxEditFraction },
      explanation: {
        en: `The ${words.en} is typed as “${typed}” but ${src.en} says “${document}”: a typo, ${characters(near.edits.length)} different (${how.en}).`,
        'zh-CN': `客户填写的${words['zh-CN']}为“${typed}”，而${src['zh-CN']}上为“${document}”：疑似拼写错误，相差 ${near.edits.length} 个字符（${how['zh-CN']}）。`,
      },
      remedies: NAME_REMEDIES,
    }
  }
  return {
    code: 'NAME',
    field,
    typed,
    document,
    kind: 'different',
    severity: 'blocker',
    confidence: base * 0.95,
    details: { editCount: near.edits.length, maxEdits: s.nameTypoMaxEdits, maxEditFraction: s.nameTypoMaxEditFraction },
    explanation: {
      en: `The ${words.en} is typed as “${typed}” but ${src.en} says “${document}”. These are different names, not a typo (${characters(near.edits.length)} differ).`,
      'zh-CN': `客户填写的${words['zh-CN']}为“${typed}”，而${src['zh-CN']}上为“${document}”。两者是不同的名字，不是拼写错误（相差 ${near.edits.length} 个字符）。`,
    },
    remedies: NAME_REMEDIES,
  }
}

/** Given names: a missing second given name is a warning; anything else is compared as a field. */
function givenNamesDifference(typed: string, document: string, ctx: Ctx): Mismatch {
  const { data, src } = ctx
  const words = wordSets(typed, document)
  if (words && words.extra.length === 0 && typed.trim() !== '') {
    return {
      code: 'NAME',
      field: 'firstName',
      typed,
      document,
      kind: 'given-names-missing',
      severity: 'warning',
      confidence: baseConfidence(data, 'firstName') * 0.85,
      details: { missingGivenNames: words.missing },
      explanation: {
        en: `The given names are typed as “${typed}” but ${src.en} has “${document}”: the customer left out ${words.missing.map((w) => `“${w}”`).join(' and ')}. Many checks want all the given names as printed.`,
        'zh-CN': `客户填写的名为“${typed}”，而${src['zh-CN']}上为“${document}”：客户漏填了${words.missing.map((w) => `“${w}”`).join('和')}。许多审核要求按证件填写全部名字。`,
      },
      remedies: NAME_REMEDIES,
    }
  }
  if (words && words.missing.length === 0) {
    return {
      code: 'NAME',
      field: 'firstName',
      typed,
      document,
      kind: 'extra-given-names',
      severity: 'warning',
      confidence: baseConfidence(data, 'firstName') * 0.8,
      details: { extraGivenNames: words.extra },
      explanation: {
        en: `The given names are typed as “${typed}” but ${src.en} has only “${document}”: ${words.extra.map((w) => `“${w}”`).join(' and ')} ${words.extra.length === 1 ? 'is' : 'are'} not on the document.`,
        'zh-CN': `客户填写的名为“${typed}”，而${src['zh-CN']}上只有“${document}”：${words.extra.map((w) => `“${w}”`).join('和')}不在证件上。`,
      },
      remedies: NAME_REMEDIES,
    }
  }
  return fieldDifference('firstName', typed, document, ctx)
}

/** The Han-character name against the document's Latin name, in every document romanisation. */
function compareNativeName(nativeName: string, docLast: string, docFirst: string, ctx: Ctx): Mismatch[] {
  const last = nameSpellings(docLast).map(lettersOnly)
  const first = nameSpellings(docFirst).map(lettersOnly)
  let best = null as ReturnType<typeof matchHanName>
  for (const l of last) {
    for (const f of first) {
      const m = matchHanName(nativeName, l, f)
      if (m && (!best || Number(m.surnameMatches) + Number(m.givenMatches) > Number(best.surnameMatches) + Number(best.givenMatches))) best = m
    }
  }
  if (!best || (best.surnameMatches && best.givenMatches)) return []
  const { src } = ctx
  const docText = quoted(docLast, docFirst)
  const details = { nativeName, pinyin: best.pinyin, surnameMatches: best.surnameMatches, givenNamesMatch: best.givenMatches }
  if (best.surnameMatches) {
    return [
      {
        code: 'NAME',
        field: 'nativeName',
        typed: nativeName,
        document: docText,
        kind: 'native-given-names-unverified',
        severity: 'info',
        confidence: 0.5,
        details,
        explanation: {
          en: `The native-script name ${nativeName} matches the family name “${docLast}” on ${src.en}, but its given names (pinyin ${best.pinyin}) do not read as “${docFirst}” in pinyin, Wade-Giles or Tongyong. It may be a Cantonese or Hokkien spelling: compare by eye.`,
          'zh-CN': `本国文字姓名“${nativeName}”的姓与${src['zh-CN']}上的“${docLast}”一致，但名（拼音 ${best.pinyin}）按汉语拼音、威妥玛或通用拼音都拼不出“${docFirst}”。可能是粤语或闽南语拼写，请人工核对。`,
        },
        remedies: [],
      },
    ]
  }
  return [
    {
      code: 'NAME',
      field: 'nativeName',
      typed: nativeName,
      document: docText,
      kind: 'native-name-differs',
      severity: 'warning',
      confidence: 0.5,
      details,
      explanation: {
        en: `The native-script name ${nativeName} (pinyin ${best.pinyin}) does not read as the name “${docText}” on ${src.en}, in pinyin, Wade-Giles, Tongyong or the common Cantonese and Hokkien surname spellings. Check that the customer typed their own name in Chinese characters.`,
        'zh-CN': `本国文字姓名“${nativeName}”（拼音 ${best.pinyin}）与${src['zh-CN']}上的姓名“${docText}”对不上：按汉语拼音、威妥玛、通用拼音以及常见粤语、闽南语姓氏拼写都不一致。请核实客户填写的中文姓名是否本人姓名。`,
      },
      remedies: ['CORRECT_PERSONAL_DATA'],
    },
  ]
}
