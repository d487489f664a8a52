import { join } from 'node:path'
import { openDatabase, type Db, type OpenOptions } from '../db/connection'
import { LATEST_VERSION } from '../db/migrate'
import { countCases } from '../db/queries/cases'
import { referencedShas } from '../db/queries/artifacts'
import { ArtifactStore } from '../store/artifact-store'
import { loadAnalysisSettings } from '../analysis/settings'
import { CasesService } from './cases-service'
import { ImportService } from './import-service'
import { createDispatch, type Dispatch, type Handlers } from './dispatch'

export interface AppServices {
  dataDir: string
  db: Db
  store: ArtifactStore
  cases: CasesService
  importer: ImportService
  dispatch: Dispatch
  close(): void
}

export interface ServiceOptions extends OpenOptions {
  version?: string
  clock?: () => Date
  log?: (message: string, error?: unknown) => void
}

/** The composition root shared by the Electron app, the CLI and the test web host. */
export function openServices(dataDir: string, options: ServiceOptions = {}): AppServices {
  const db = openDatabase(join(dataDir, 'kyc-desk.sqlite'), options)
  const store = new ArtifactStore(dataDir)
  store.removeOrphans(referencedShas(db))
  const cases = new CasesService(db, options.clock)
  const importer = new ImportService(db, store, dataDir, options.clock)
  const log = options.log ?? ((message, error) => console.error(message, error))

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
  }

  return {
    dataDir,
    db,
    store,
    cases,
    importer,
    dispatch: createDispatch(handlers, (channel, error) => log(`Unexpected failure in ${channel}`, error)),
    close: () => db.close(),
  }
}
