import { join } from 'node:path'
import { openDatabase, type Db, type OpenOptions } from '../db/connection'
import { LATEST_VERSION } from '../db/migrate'
import { countCases } from '../db/queries/cases'
import { referencedShas } from '../db/queries/artifacts'
import { ArtifactStore } from '../store/artifact-store'
import type { UnlockedKeys } from '../keys/data-keys'
import { recoverReencryption } from '../keys/reencrypt'
import { userKeyDir } from '../keys/user-key'
import { loadAnalysisSettings } from '../analysis/settings'
import { AnalysisPool } from '../analysis/pool'
import { AnalysisService } from './analysis-service'
import { CasesService } from './cases-service'
import { ImportService } from './import-service'
import { ImportJobs } from './import-jobs'
import { AppError } from '../../shared/result'
import { createDispatch, type Dispatch, type Handlers } from './dispatch'
import { unlockedKeyHandlers } from './unlock-gate'
import { openReplyServices, replyHandlers, type ReplyServiceOptions, type ReplyServices } from './reply-handlers'
import { maskedCaseHandlers, openPrivacyServices, privacyHandlers, type PrivacyServices } from './privacy-handlers'
import { SavedViewsService, viewsHandlers } from './views-service'
import { createAppLogger } from '../logging/app-logger'
import type { Logger } from '../logging/logger'

export interface AppServices {
  dataDir: string
  dbPath: string
  db: Db
  store: ArtifactStore
  cases: CasesService
  importer: ImportService
  analysis: AnalysisService
  /** Remedies, templates, decisions, outbox, audit (issue 8). */
  replies: ReplyServices
  /** Masking and reveal, the lock, image exports, desk policy, retention (issue 9). */
  privacy: PrivacyServices
  /** `<dataDir>/logs/kyc-desk.log`, every line redacted (issue 9). */
  logger: Logger
  dispatch: Dispatch
  close(): Promise<void>
}

export interface ServiceOptions extends OpenOptions {
  /**
   * The data dir's keys, unlocked (keys/unlock.ts for the command line and the web host, the
   * unlock gate in the app). The database and every stored file are encrypted with them.
   */
  keys: UnlockedKeys
  version?: string
  clock?: () => Date
  /** Also write each log line here, after redaction (stderr in development and in the web host). */
  log?: (line: string) => void
  /** Run the image retention purge at start and daily (default true; `kyc-desk purge` runs it itself). */
  retentionSchedule?: boolean
  /** Analysis workers (default: one per core). */
  workers?: number
  /** The system's open dialog for folders and zips (Electron); absent in the CLI. */
  chooseImportPaths?: () => Promise<string[]>
  /** The outbox: SecretStore for the SMTP password (Electron: safeStorage), retry policy, sender start. */
  replies?: ReplyServiceOptions
}

/** The composition root shared by the Electron app, the CLI and the test web host. */
export function openServices(dataDir: string, options: ServiceOptions): AppServices {
  const dbPath = join(dataDir, 'kyc-desk.sqlite')
  // A key change a crash interrupted is completed (or undone) before anything is opened.
  recoverReencryption(dataDir, userKeyDir())
  const db = openDatabase(dbPath, options.keys.database, options)
  const store = new ArtifactStore(dataDir, options.keys.artifacts)
  store.removeOrphans(referencedShas(db))
  const logger = createAppLogger(db, dataDir, options.log)
  const log = logger.log
  const pool = new AnalysisPool(options.workers)
  const analysis = new AnalysisService(db, store, { path: dbPath, key: options.keys.database }, pool, options.clock, log)
  const importer = new ImportService(db, store, dataDir, options.clock, (attemptPk) => analysis.enqueueImported(attemptPk))
  const importJobs = new ImportJobs(importer, options.clock)
  const replies = openReplyServices(db, { clock: options.clock, log, ...options.replies })
  const cases = new CasesService(db, replies.audit, options.clock)
  const privacy = openPrivacyServices(db, store, cases, replies.audit, { clock: options.clock, log, retentionSchedule: options.retentionSchedule })
  const replyChannels = replyHandlers(replies)

  const handlers: Handlers = {
    'app:info': () => ({
      version: options.version ?? '0.0.0',
      dataDir,
      schemaVersion: LATEST_VERSION,
      caseCount: countCases(db),
    }),
    'cases:list': (input) => cases.list(input),
    'cases:counts': (input) => cases.counts(input),
    // Document numbers and dates of birth masked until cases:reveal (issue 9).
    'cases:get': (input) => privacy.privacy.getCase(input.id),
    'cases:assign': (input) => cases.assign(input.id, input.to, input.agent),
    'settings:analysis': () => loadAnalysisSettings(),
    'import:choose': async () => {
      if (!options.chooseImportPaths) throw new AppError('UNAVAILABLE', 'There is no file dialog here.')
      return { paths: await options.chooseImportPaths() }
    },
    'import:start': (input) => importJobs.start(input.paths, input.replace),
    'import:status': (input) => importJobs.status(input.id),
    'import:cancel': (input) => importJobs.cancel(input.id),
    ...replyChannels,
    ...privacyHandlers(privacy),
    ...viewsHandlers(new SavedViewsService(db, options.clock)),
    // After the reply handlers: the composer's fields and the reply preview come out masked too.
    ...maskedCaseHandlers(privacy, replyChannels),
    // Already unlocked: the unlock screen's channels only confirm it (services/unlock-gate.ts);
    // keys:set-passphrase (Settings) only here: it needs the open keys.
    ...unlockedKeyHandlers(dataDir, { keys: options.keys, userKeys: userKeyDir(), audit: replies.audit }),
  }

  return {
    dataDir,
    dbPath,
    db,
    store,
    cases,
    importer,
    analysis,
    replies,
    privacy,
    logger,
    dispatch: createDispatch(handlers, (channel, error) => logger.error(`Unexpected failure in ${channel}`, error)),
    close: async () => {
      privacy.retention.stop()
      await privacy.retention.idle()
      analysis.stop()
      await replies.outbox.stop()
      await pool.close()
      db.close()
    },
  }
}
