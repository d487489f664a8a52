import { useI18n } from 'vue-i18n'
import type { LocalizedText } from '../../../shared/domain/finding'
import { humaniseId } from './format'

/** Labels for codes that may be newer than the UI's messages: translated when known, else readable. */
export function useLabels() {
  const { t, te, locale } = useI18n()
  const known = (key: string, id: string) => (te(key) || te(key, 'en') ? t(key) : humaniseId(id))
  return {
    cause: (cause: string) => known(`cause.${cause}`, cause),
    code: (code: string) => known(`code.${code}`, code),
    remedy: (id: string) => known(`remedy.${id}`, id),
    /** The finding's explanation in the UI language (English when a text is missing). */
    text: (value: LocalizedText) => (locale.value === 'zh-CN' ? value['zh-CN'] || value.en : value.en || value['zh-CN']),
  }
}
