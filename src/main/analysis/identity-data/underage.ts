import type { DocumentData } from '../../../shared/domain/document-data'
import type { Finding } from '../../../shared/domain/finding'
import { mismatchFinding } from './mismatch-finding'
import { ageOn, dateInWordsEn, dateInWordsZh, parseDocumentDate } from './parse-date'

/**
 * Under the minimum age on the day of submission, by the typed date of birth and by the
 * document's. The document decides: under age by the document is a blocker even when the
 * typed date says adult (the date-of-birth mismatch is reported too); under age only by the
 * typed date, while the document says adult, is most likely a typing slip (warning).
 */
export function underageFinding(formDateOfBirth: string, submittedAt: string, data: DocumentData, minimumAge: number, now: Date): Finding | null {
  const day = submittedAt.slice(0, 10)
  const formAge = ageOn(formDateOfBirth, day)
  const documentDob = data.source !== 'none' && data.fields.dateOfBirth ? parseDocumentDate(data.fields.dateOfBirth, 'birth', now)[0] : undefined
  const documentAge = documentDob ? ageOn(documentDob, day) : undefined
  const formUnder = formAge < minimumAge
  const documentUnder = documentAge !== undefined && documentAge < minimumAge
  if (!formUnder && !documentUnder) return null
  const basedOn = formUnder && documentUnder ? 'both' : documentUnder ? 'document' : 'form'
  const onlyTyped = basedOn === 'form' && documentAge !== undefined
  const age = documentUnder ? documentAge! : formAge
  const dob = documentUnder ? documentDob! : formDateOfBirth
  const check = data.checks?.find((c) => c.field === 'dateOfBirth')
  const confidence = basedOn === 'both' ? 0.97 : basedOn === 'document' ? (check?.valid ? 0.95 : 0.85) : onlyTyped ? 0.5 : 0.85
  return mismatchFinding(
    {
      code: 'UNDERAGE',
      field: 'dateOfBirth',
      typed: formDateOfBirth,
      document: documentDob ?? null,
      kind: basedOn === 'form' ? 'underage-by-typed-date' : 'underage',
      severity: onlyTyped ? 'warning' : 'blocker',
      confidence,
      details: { formAge, documentAge: documentAge ?? null, minimumAge, submittedOn: day, basedOn },
      explanation: onlyTyped
        ? {
            en: `By the typed date of birth (${dateInWordsEn(formDateOfBirth)}) the customer was ${formAge} at submission, under the minimum age of ${minimumAge}; the document's date (${dateInWordsEn(documentDob!)}) makes them ${documentAge}. The typed date is probably wrong.`,
            'zh-CN': `按客户填写的出生日期（${dateInWordsZh(formDateOfBirth)}），提交时客户 ${formAge} 岁，未满最低年龄 ${minimumAge} 岁；但证件上的出生日期（${dateInWordsZh(documentDob!)}）显示客户 ${documentAge} 岁。填写的出生日期很可能有误。`,
          }
        : {
            en: `The customer was ${age} on the day of submission (${dateInWordsEn(day)}), born ${dateInWordsEn(dob)}${basedOn === 'both' ? ' by both the form and the document' : basedOn === 'document' ? ' by the document' : ' by the typed date'}: under the minimum age of ${minimumAge}. The account cannot be verified until then.`,
            'zh-CN': `按${basedOn === 'both' ? '填写内容和证件' : basedOn === 'document' ? '证件' : '填写'}的出生日期（${dateInWordsZh(dob)}），客户在提交当天（${dateInWordsZh(day)}）为 ${age} 岁，未满最低年龄 ${minimumAge} 岁。在此之前账户无法通过认证。`,
          },
      remedies: onlyTyped ? ['CORRECT_PERSONAL_DATA'] : [],
    },
    data,
  )
}
