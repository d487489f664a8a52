import type { ImportJob } from '../../shared/domain/import-job'
import { AppError } from '../../shared/result'
import type { ImportService } from './import-service'

const KEEP_FINISHED = 20

/**
 * Imports run in the background; the renderer polls their progress. Cancelling stops between two
 * cases, so no case is ever half imported.
 */
export class ImportJobs {
  private readonly jobs = new Map<number, { job: ImportJob; abort: AbortController }>()
  private nextId = 1

  constructor(
    private readonly importer: ImportService,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  start(paths: string[], replace: boolean): ImportJob {
    const abort = new AbortController()
    const job: ImportJob = {
      id: this.nextId++,
      state: 'running',
      paths,
      processed: 0,
      imported: 0,
      unchanged: 0,
      rejected: 0,
      current: '',
      error: null,
      problems: [],
      startedAt: this.clock().toISOString(),
      endedAt: null,
    }
    this.jobs.set(job.id, { job, abort })
    this.prune()
    void this.importer
      .importPaths(paths, {
        replace,
        signal: abort.signal,
        onProgress: (p) => Object.assign(job, p),
        onItem: (item) => {
          if (item.outcome === 'rejected') job.problems.push(item)
        },
      })
      .then(
        () => {
          job.state = abort.signal.aborted ? 'cancelled' : 'done'
        },
        (error: unknown) => {
          job.state = 'failed'
          job.error = error instanceof Error ? error.message : String(error)
        },
      )
      .finally(() => {
        job.endedAt = this.clock().toISOString()
        job.current = ''
      })
    return { ...job }
  }

  status(id: number): ImportJob {
    const entry = this.jobs.get(id)
    if (!entry) throw new AppError('NOT_FOUND', `There is no import job ${id}.`)
    return { ...entry.job, problems: [...entry.job.problems] }
  }

  cancel(id: number): ImportJob {
    const entry = this.jobs.get(id)
    if (!entry) throw new AppError('NOT_FOUND', `There is no import job ${id}.`)
    entry.abort.abort()
    return this.status(id)
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((e) => e.job.state !== 'running')
    for (const e of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(e.job.id)
  }
}
