import type { LocalizedText } from '../../../shared/domain/finding'
import type { Edit } from './edit-distance'

/** The edits between a typed and a document value, in words for the agent. */
export function describeEdits(edits: readonly Edit[]): LocalizedText {
  const en = edits.map((e) => {
    switch (e.kind) {
      case 'substitute':
        return `“${e.typed}” where the document has “${e.document}” (character ${e.position})`
      case 'delete':
        return `an extra “${e.typed}” (character ${e.position})`
      case 'insert':
        return `“${e.document}” missing (before character ${e.position})`
      case 'transpose':
        return `“${e.typed}” where the document has “${e.document}” (characters ${e.position}–${e.position + 1} swapped)`
    }
  })
  const zh = edits.map((e) => {
    switch (e.kind) {
      case 'substitute':
        return `第${e.position}个字符填成了“${e.typed}”，证件上是“${e.document}”`
      case 'delete':
        return `第${e.position}个字符“${e.typed}”多余`
      case 'insert':
        return `第${e.position}个字符前缺少“${e.document}”`
      case 'transpose':
        return `第${e.position}、${e.position + 1}个字符顺序颠倒（填成“${e.typed}”，证件上是“${e.document}”）`
    }
  })
  return { en: en.join('; '), 'zh-CN': zh.join('；') }
}

/** "1 character" / "2 characters". */
export function characters(n: number): string {
  return `${n} character${n === 1 ? '' : 's'}`
}
