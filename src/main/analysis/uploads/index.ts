import type { Severity } from '../../../shared/domain/causes'
import type { Finding } from '../../../shared/domain/finding'
import type { Analyser, AnalysisContext } from '../types'
import { bundleFileState, type BundleFileState } from './bundle-file-state'
import { filesWithFailedUploads, type FileUploads } from './upload-attempts'
import { describeAttempts, size } from './upload-text'
import { UPLOADS_SECTION, uploadsSettings, type UploadsSettings } from './uploads-settings'

function consequence(s: BundleFileState): { en: string; 'zh-CN': string } {
  switch (s.state) {
    case 'not_in_case':
      return { en: 'The file never reached the case (case.json does not name it).', 'zh-CN': '该文件未能进入案件（case.json 中没有它）。' }
    case 'missing':
      return { en: 'The file is missing from the case.', 'zh-CN': '案件中缺少该文件。' }
    case 'truncated':
      return {
        en: `The file in the case is truncated: ${size(s.bytes)} of ${size(s.expected)}, so it cannot be checked.`,
        'zh-CN': `案件中的文件不完整：只有 ${size(s.bytes)}，应为 ${size(s.expected)}，因此无法审核。`,
      }
    case 'complete':
      return {
        en: `Yet the case holds the whole file (${size(s.bytes)}): the upload log and the file disagree, check the file itself.`,
        'zh-CN': `但案件中有完整的文件（${size(s.bytes)}）：上传记录与文件不一致，请直接检查文件。`,
      }
  }
}

function codeFor(f: FileUploads, s: UploadsSettings, failure: FileUploads['last']['failure']): string {
  if (f.attempts.length >= s.repeatedRetriesMin) return 'REPEATED_RETRIES'
  return failure === 'timeout' || failure === 'no_response' ? 'TIMEOUT' : 'INCOMPLETE_UPLOAD'
}

/** Attempts kept in evidence: the last ones, which decided the outcome. */
const MAX_ATTEMPTS_IN_EVIDENCE = 50

function attemptsEvidence(f: FileUploads) {
  return f.attempts.slice(-MAX_ATTEMPTS_IN_EVIDENCE).map((a) => ({
    startedAt: a.row.startedAt,
    endedAt: a.row.endedAt ?? null,
    bytesSent: a.row.bytesSent,
    bytesTotal: a.row.bytesTotal,
    httpStatus: a.row.httpStatus ?? null,
    error: a.row.error ?? null,
    outcome: a.failure ?? 'completed',
  }))
}

function brokenFileFinding(ctx: AnalysisContext, f: FileUploads, s: UploadsSettings): Finding {
  const state = bundleFileState(ctx.files, f.file, f.last.row.bytesTotal)
  // The upload log says it broke; only the bytes in the case say whether that cost us the file.
  const severity: Severity = state.state === 'complete' ? 'warning' : 'blocker'
  const n = f.attempts.length
  const then = consequence(state)
  return {
    cause: 'UPLOAD_NETWORK_FAILURE',
    code: codeFor(f, s, f.last.failure),
    severity,
    confidence: state.state === 'complete' ? 0.5 : state.state === 'not_in_case' ? 0.8 : 0.95,
    artifact: f.file,
    evidence: {
      file: f.file,
      attemptCount: n,
      failedAttempts: f.failedCount,
      recovered: false,
      lastAttempt: f.last.failure,
      bundleFile: state,
      connection: ctx.bundle.device?.connection ?? null,
      attempts: attemptsEvidence(f),
      repeatedRetriesMin: s.repeatedRetriesMin,
    },
    explanation: {
      en: `${f.file} did not upload: ${n} attempt${n === 1 ? '' : 's'}, ${f.failedCount === n ? 'none completed' : 'the last one failed'} (${describeAttempts(f.attempts, 'en')}). ${then.en} Ask the customer to upload it again on a stable Wi-Fi connection.`,
      'zh-CN': `${f.file} 上传失败：共尝试 ${n} 次，${f.failedCount === n ? '均未完成' : '最后一次失败'}（${describeAttempts(f.attempts, 'zh-CN')}）。${then['zh-CN']}请客户在稳定的 Wi-Fi 网络下重新上传。`,
    },
    remedies: ['RETRY_UPLOAD', 'USE_STABLE_WIFI'],
  }
}

function recoveredFileFinding(f: FileUploads, s: UploadsSettings): Finding {
  const firstFailure = f.attempts.find((a) => a.failure)!.failure
  const n = f.attempts.length
  // One failure then success is noise; a file that had to be sent again and again means the
  // connection was the problem while the customer was verifying (the cause "kept retrying").
  const kept = n >= s.repeatedRetriesMin
  return {
    cause: 'UPLOAD_NETWORK_FAILURE',
    code: codeFor(f, s, firstFailure),
    severity: kept ? 'warning' : 'info',
    confidence: kept ? 0.75 : 0.9,
    artifact: f.file,
    evidence: {
      file: f.file,
      attemptCount: n,
      failedAttempts: f.failedCount,
      recovered: true,
      attempts: attemptsEvidence(f),
      repeatedRetriesMin: s.repeatedRetriesMin,
    },
    explanation: {
      en: kept
        ? `${f.file} needed ${n} attempts before it arrived (${describeAttempts(f.attempts, 'en')}). The file is complete, but a connection that breaks this often also breaks the verification session: the customer should retry on a stable Wi-Fi connection.`
        : `${f.file} needed ${n} attempts but the last one completed (${describeAttempts(f.attempts, 'en')}). The upload recovered, so it is not a cause of this failure.`,
      'zh-CN': kept
        ? `${f.file} 共尝试上传 ${n} 次才成功（${describeAttempts(f.attempts, 'zh-CN')}）。文件完整，但如此频繁中断的网络也会中断认证流程：请客户在稳定的 Wi-Fi 下重试。`
        : `${f.file} 共尝试上传 ${n} 次，最后一次成功（${describeAttempts(f.attempts, 'zh-CN')}）。上传已恢复，不是本次失败的原因。`,
    },
    remedies: kept ? ['USE_STABLE_WIFI', 'RETRY_UPLOAD'] : [],
  }
}

function unstableConnectionFinding(failed: number, files: string[], anyBroken: boolean, s: UploadsSettings): Finding {
  return {
    cause: 'UPLOAD_NETWORK_FAILURE',
    code: 'UNSTABLE_CONNECTION',
    severity: anyBroken ? 'warning' : 'info',
    confidence: 0.7,
    evidence: { connection: 'cellular', failedAttempts: failed, files, cellularFailuresMin: s.cellularFailuresMin },
    explanation: anyBroken
      ? {
          en: `The customer uploaded over mobile data and ${failed} upload attempts failed (${files.join(', ')}): the connection was not stable enough. Suggest Wi-Fi for the next try.`,
          'zh-CN': `客户使用移动数据上传，共有 ${failed} 次上传失败（${files.join('、')}）：网络连接不够稳定。建议下次使用 Wi-Fi。`,
        }
      : {
          en: `The customer uploaded over mobile data and ${failed} upload attempts failed (${files.join(', ')}), but every file arrived in the end.`,
          'zh-CN': `客户使用移动数据上传，共有 ${failed} 次上传失败（${files.join('、')}），但所有文件最终都已上传成功。`,
        },
    remedies: anyBroken ? ['USE_STABLE_WIFI'] : [],
  }
}

/**
 * UPLOAD_NETWORK_FAILURE from the client's upload log, tied to the file each failure broke.
 * A file whose last attempt failed is a blocker when the case lacks the file or holds it
 * truncated, a warning when the case holds the whole file anyway; a file whose last attempt
 * completed recovered (info). A last attempt refused with 4xx (413 too large …) is a file problem,
 * not a network one, and is left to the file checks.
 */
export async function analyseUploads(ctx: AnalysisContext): Promise<Finding[]> {
  const uploads = ctx.bundle.uploads ?? []
  if (uploads.length === 0) return []
  const s = uploadsSettings(ctx.settings)
  const findings: Finding[] = []
  let networkFailures = 0
  let anyBroken = false
  const failedFiles: string[] = []
  for (const f of filesWithFailedUploads(uploads)) {
    if (f.last.failure === 'rejected') continue
    networkFailures += f.attempts.filter((a) => a.failure && a.failure !== 'rejected').length
    failedFiles.push(f.file)
    if (f.recovered) {
      findings.push(recoveredFileFinding(f, s))
    } else {
      anyBroken = true
      findings.push(brokenFileFinding(ctx, f, s))
    }
  }
  if (ctx.bundle.device?.connection === 'cellular' && networkFailures >= s.cellularFailuresMin) {
    findings.push(unstableConnectionFinding(networkFailures, failedFiles, anyBroken, s))
  }
  return findings
}

export const uploadsAnalyser: Analyser = {
  id: 'uploads',
  version: '1',
  causes: ['UPLOAD_NETWORK_FAILURE'],
  settingsSections: [UPLOADS_SECTION],
  run: analyseUploads,
}
