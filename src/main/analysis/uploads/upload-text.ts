import { utc } from '../account-risk/format'
import type { Attempt, AttemptFailure } from './upload-attempts'

export function size(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(0)} KB`
  return `${bytes} B`
}

const FAILURE_TEXT: Record<AttemptFailure, { en: string; 'zh-CN': string }> = {
  timeout: { en: 'timed out', 'zh-CN': '超时' },
  no_response: { en: 'no response from the server', 'zh-CN': '服务器无响应' },
  incomplete: { en: 'broke off', 'zh-CN': '中断' },
  server_error: { en: 'server error', 'zh-CN': '服务器错误' },
  rejected: { en: 'refused by the server', 'zh-CN': '被服务器拒绝' },
  error: { en: 'failed', 'zh-CN': '失败' },
}

function detail(a: Attempt): string {
  const parts: string[] = []
  if (a.row.httpStatus !== undefined) parts.push(`HTTP ${a.row.httpStatus}`)
  if (a.row.error) parts.push(a.row.error)
  return parts.length ? ` (${parts.join(', ')})` : ''
}

export function describeAttempt(a: Attempt, index: number, lang: 'en' | 'zh-CN'): string {
  const when = Number.isFinite(a.startedAt) ? utc(a.startedAt) : a.row.startedAt
  const amount = `${size(a.row.bytesSent)} / ${size(a.row.bytesTotal)}`
  if (lang === 'en') {
    return `attempt ${index + 1} at ${when}: ${amount} sent, ${a.failure ? FAILURE_TEXT[a.failure].en : 'completed'}${detail(a)}`
  }
  return `第 ${index + 1} 次（${when}）：已发送 ${amount}，${a.failure ? FAILURE_TEXT[a.failure]['zh-CN'] : '完成'}${detail(a)}`
}

/** All attempts when few; otherwise the first two and the last three, so a retry storm stays readable. */
export function describeAttempts(attempts: readonly Attempt[], lang: 'en' | 'zh-CN'): string {
  const sep = lang === 'en' ? '; ' : '；'
  const all = attempts.map((a, i) => ({ a, i }))
  if (all.length <= 5) return all.map(({ a, i }) => describeAttempt(a, i, lang)).join(sep)
  const skipped = all.length - 5
  const gap = lang === 'en' ? `… ${skipped} more attempts …` : `……另有 ${skipped} 次尝试……`
  return [...all.slice(0, 2).map(({ a, i }) => describeAttempt(a, i, lang)), gap, ...all.slice(-3).map(({ a, i }) => describeAttempt(a, i, lang))].join(sep)
}
