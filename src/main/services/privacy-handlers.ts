import type { Db } from '../db/connection'
import type { ArtifactStore } from '../store/artifact-store'
import { identityDataSettings } from '../analysis/identity-data/identity-settings'
import { loadAnalysisSettings } from '../analysis/settings'
import type { PRIVACY_CHANNELS } from '../../shared/contract-privacy'
import type { Handlers } from './dispatch'
import type { AuditService } from './audit-service'
import { PolicyService } from './policy-service'
import { PrivacyService, type CaseSource } from './privacy-service'
import { RetentionService } from './retention-service'

export interface PrivacyServices {
  policy: PolicyService
  privacy: PrivacyService
  retention: RetentionService
}

export interface PrivacyServiceOptions {
  clock?: () => Date
  log?: (message: string, error?: unknown) => void
  /** Run the retention purge now and then daily (default true; `kyc-desk purge` runs it itself). */
  retentionSchedule?: boolean
}

/** Builds the issue-9 "in use" and retention services over one database and starts the purge schedule. */
export function openPrivacyServices(db: Db, store: ArtifactStore, cases: CaseSource, audit: AuditService, options: PrivacyServiceOptions = {}): PrivacyServices {
  const clock = options.clock ?? (() => new Date())
  const policy = new PolicyService(db, audit, clock)
  const typoMaxEdits = identityDataSettings(loadAnalysisSettings()).documentNumberTypoMaxEdits
  const privacy = new PrivacyService(db, cases, audit, store, typoMaxEdits, clock)
  const retention = new RetentionService(db, store, policy, audit, clock, options.log)
  if (options.retentionSchedule ?? true) retention.start()
  return { policy, privacy, retention }
}

type PrivacyHandlers = Pick<Handlers, (typeof PRIVACY_CHANNELS)[number]>

/** The contract handlers of contract-privacy.ts. */
export function privacyHandlers(s: PrivacyServices): PrivacyHandlers {
  return {
    'cases:reveal': (i) => s.privacy.reveal(i.id, i.agent),
    'cases:conceal': (i) => s.privacy.conceal(i.id),
    'cases:export-image': (i) => s.privacy.exportImage(i.caseId, i.sha256, i.kind, i.agent),
    'session:lock': (i) => s.privacy.lock(i.reason, i.idleMinutes, i.agent),
    'session:unlock': (i) => s.privacy.unlock(i.agent),
    'settings:policy': () => s.policy.view(),
    'settings:policy-save': ({ agent, ...changes }) => s.policy.save(changes, agent),
  }
}

/**
 * The reply channels whose output quotes a case's document number or date of birth (the
 * composer's fields to correct, the reply preview), masked until the case is revealed.
 * (cases:get itself is PrivacyService.getCase.)
 */
export function maskedCaseHandlers(s: PrivacyServices, inner: Pick<Handlers, 'remedies:for-case' | 'templates:preview'>): Pick<Handlers, 'remedies:for-case' | 'templates:preview'> {
  return {
    'remedies:for-case': async (i) => s.privacy.maskForCase(i.caseId, await inner['remedies:for-case'](i)),
    'templates:preview': async (i) => s.privacy.maskForCase(i.caseId, await inner['templates:preview'](i)),
  }
}
