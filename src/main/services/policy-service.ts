import { readFileSync } from 'node:fs'
import { z } from 'zod'
import type { Db } from '../db/connection'
import { getAppSetting, putAppSetting } from '../db/queries/app-settings'
import { resourcePath } from '../resources'
import { POLICY_KEYS, RetentionRunSchema, type DeskPolicy, type PolicyKey, type RetentionRun } from '../../shared/domain/privacy'
import { AppError } from '../../shared/result'
import type { AuditService } from './audit-service'

const DefaultEntrySchema = z
  .object({ value: z.number().int(), unit: z.string().min(1), min: z.number().int(), max: z.number().int(), why: z.string().min(20) })
  .refine((e) => e.min <= e.value && e.value <= e.max, { message: 'value must lie between min and max' })
const DefaultsSchema = z.object({ idleLockMinutes: DefaultEntrySchema, retentionDays: DefaultEntrySchema }).strict()
export type PolicyDefaults = z.infer<typeof DefaultsSchema>

/**
 * The desk's privacy policy settings — idle lock and image retention — have their defaults, units,
 * bounds and the reason for each default in one place, resources/desk-policy.json (loaded and
 * checked here: a bad file stops the app rather than silently falling back).
 */
export function loadPolicyDefaults(file = resourcePath('desk-policy.json')): PolicyDefaults {
  const parsed = DefaultsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')))
  if (!parsed.success) throw new Error(`Invalid desk policy in ${file}: ${z.prettifyError(parsed.error)}`)
  return parsed.data
}

const settingKey = (key: PolicyKey) => `policy.${key}`
const LAST_RUN_KEY = 'retention.lastRun'

/** The policy in force: the defaults, overridden per desk by what an agent saved (audited). */
export class PolicyService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly clock: () => Date = () => new Date(),
    private readonly defaults: PolicyDefaults = loadPolicyDefaults(),
  ) {}

  value(key: PolicyKey): number {
    const stored = getAppSetting(this.db, settingKey(key))
    const n = stored === undefined ? NaN : Number(JSON.parse(stored))
    const d = this.defaults[key]
    return Number.isInteger(n) && n >= d.min && n <= d.max ? n : d.value
  }

  view(): DeskPolicy {
    const entry = (key: PolicyKey) => {
      const { value, ...rest } = this.defaults[key]
      return { ...rest, value: this.value(key), default: value }
    }
    const last = getAppSetting(this.db, LAST_RUN_KEY)
    const run = last ? RetentionRunSchema.safeParse(JSON.parse(last)) : null
    return { idleLockMinutes: entry('idleLockMinutes'), retentionDays: entry('retentionDays'), lastRetentionRun: run?.success ? run.data : null }
  }

  save(changes: Partial<Record<PolicyKey, number>>, agent?: string): DeskPolicy {
    const who = this.audit.agent(agent)
    const now = this.clock().toISOString()
    for (const key of POLICY_KEYS) {
      const next = changes[key]
      if (next === undefined) continue
      const d = this.defaults[key]
      if (!Number.isInteger(next) || next < d.min || next > d.max) {
        throw new AppError('BAD_INPUT', `${key} must be a whole number of ${d.unit} from ${d.min} to ${d.max}, not ${next}.`)
      }
    }
    this.db.transaction(() => {
      for (const key of POLICY_KEYS) {
        const next = changes[key]
        if (next === undefined) continue
        const before = this.value(key)
        if (before === next) continue
        putAppSetting(this.db, settingKey(key), JSON.stringify(next), now)
        this.audit.record('settings.policy_changed', who, null, { key, from: before, to: next, unit: this.defaults[key].unit })
      }
    })()
    return this.view()
  }

  /** Kept for the settings view ("last run: …"); dry runs are not recorded. */
  recordRetentionRun(run: RetentionRun): void {
    if (!run.dryRun) putAppSetting(this.db, LAST_RUN_KEY, JSON.stringify(run), run.at)
  }
}
