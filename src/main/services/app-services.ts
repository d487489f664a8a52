import { join } from 'node:path'
import { openDatabase, type Db, type OpenOptions } from '../db/connection'
import { LATEST_VERSION } from '../db/migrate'
import { countCases } from '../db/queries/cases'
import { referencedShas } from '../db/queries/artifacts'
import { ArtifactStore } from '../store/artifact-store'
import { loadAnalysisSettings } from '../analysis/settings'
import { AnalysisPool } from '../analysis/pool'
import { AnalysisService } from './analysis-service'
import { CasesService } from './cases-service'
import { ImportService } from './import-service'
import { ImportJobs } from './import-jobs'
import { AppError } from '../../shared/result'
import { createDispatch, type Dispatch, type Handlers } from './dispatch'
import { openReplyServices, replyHandlers, type ReplyServiceOptions, type ReplyServices } from './reply-handlers'

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
  dispatch: Dispatch
  close(): Promise<void>
}

export interface ServiceOptions extends OpenOptions {
  version?: string
  clock?: () => Date
  log?: (message: string, error?: unknown) => void
  /** Analysis workers (default: one per core). */
  workers?: number
  /** The system's open dialog for folders and zips (Electron); absent in the CLI. */
  chooseImportPaths?: () => Promise<string[]>
  /** The outbox: SecretStore for the SMTP password (Electron: safeStorage), retry policy, sender start. */
  replies?: ReplyServiceOptions
}

/** The composition root shared by the Electron app, the CLI and the test web host. */
export function openServices(dataDir: string, options: ServiceOptions = {}): AppServices {
  const dbPath = join(dataDir, 'kyc-desk.sqlite')
  const db = openDatabase(dbPath, options)
  const store = new ArtifactStore(dataDir)
  store.removeOrphans(referencedShas(db))
  const log = options.log ?? ((message, error) => console.error(message, error ?? ''))
  const pool = new AnalysisPool(options.workers)
  const analysis = new AnalysisService(db, store, dbPath, pool, options.clock, log)
  const cases = new CasesService(db, options.clock)
  const importer = new ImportService(db, store, dataDir, options.clock, (attemptPk) => analysis.enqueueImported(attemptPk))
  const importJobs = new ImportJobs(importer, options.clock)
  const replies = openReplyServices(db, { clock: options.clock, log, ...options.replies })

  const handlers: Handlers = {
    'app:info': () => ({
      version: options.version ?? '0.0.0',
      dataDir,
      schemaVersion: LATEST_VERSION,
      caseCount: countCases(db),
    }),
    'cases:list': (input) => cases.list(input),
    'cases:get': (input) => cases.get(input.id),
    'settings:analysis': () => loadAnalysisSettings(),
    'import:choose': async () => {
      if (!options.chooseImportPaths) throw new AppError('UNAVAILABLE', 'There is no file dialog here.')
      return { paths: await options.chooseImportPaths() }
    },
    'import:start': (input) => importJobs.start(input.paths, input.replace),
    'import:status': (input) => importJobs.status(input.id),
    'import:cancel': (input) => importJobs.cancel(input.id),
    ...replyHandlers(replies),
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
    dispatch: createDispatch(handlers, (channel, error) => log(`Unexpected failure in ${channel}`, error)),
    close: async () => {
      analysis.stop()
      await replies.outbox.stop()
      await pool.close()
      db.close()
    },
  }
}
