import type { Finding } from '../../../shared/domain/finding'
import { settingsSection } from '../settings'
import type { Analyser, AnalysisContext } from '../types'

const SECTION = 'backlog'
const HOUR_MS = 3_600_000

function duration(hours: number, lang: 'en' | 'zh-CN'): string {
  const h = Math.floor(hours)
  const days = Math.floor(h / 24)
  if (lang === 'en') return days >= 1 ? `${h} hours (${days} day${days === 1 ? '' : 's'} ${h % 24} h)` : `${h} hours`
  return days >= 1 ? `${h} 小时（${days} 天 ${h % 24} 小时）` : `${h} 小时`
}

/**
 * REVIEW_BACKLOG: a pending case waiting longer than the service level. It states only the
 * waiting fact; the engine demotes it to info when any other finding is a warning or blocker
 * (engine.ts, demoteBacklogWhenOtherBlockers), because then the wait is not the cause.
 * Pending within the service level, or not pending: no finding.
 */
export async function analyseBacklog(ctx: AnalysisContext): Promise<Finding[]> {
  if (ctx.bundle.status !== 'pending') return []
  const { slaHours } = settingsSection(ctx.settings, SECTION, ['slaHours'] as const)
  const submittedAt = Date.parse(ctx.bundle.submittedAt)
  const hoursPending = (ctx.now.getTime() - submittedAt) / HOUR_MS
  if (!(hoursPending > slaHours)) return []
  return [
    {
      cause: 'REVIEW_BACKLOG',
      code: 'PENDING_OVER_SLA',
      severity: 'warning',
      confidence: 0.9,
      evidence: {
        status: 'pending',
        submittedAt: ctx.bundle.submittedAt,
        judgedAt: ctx.now.toISOString(),
        hoursPending: Math.floor(hoursPending),
        slaHours,
      },
      explanation: {
        en: `This case has been waiting for review for ${duration(hoursPending, 'en')}, longer than the ${slaHours}-hour service level. If nothing else is listed as wrong, the submission itself is fine: apologise for the delay, tell the customer the review is still in progress and that they will be notified by e-mail and in their account, and ask them not to submit again.`,
        'zh-CN': `该案件已等待审核 ${duration(hoursPending, 'zh-CN')}，超过了 ${slaHours} 小时的服务时限。如果没有列出其他问题，说明提交的资料本身没有问题：请为延误向客户致歉，告知审核仍在进行中，结果会通过电子邮件和账户通知告知，并请客户不要重复提交。`,
      },
      remedies: ['WAIT_FOR_REVIEW'],
    },
  ]
}

export const backlogAnalyser: Analyser = {
  id: 'backlog',
  version: '1',
  causes: ['REVIEW_BACKLOG'],
  settingsSections: [SECTION],
  run: analyseBacklog,
}
