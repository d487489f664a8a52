import { Worker } from 'node:worker_threads'
import { availableParallelism } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AnalysisTask, TaskResult, WorkerRequest, WorkerResponse } from './worker-protocol'

interface Job {
  id: number
  task: AnalysisTask
  resolve: (r: TaskResult) => void
  reject: (e: Error) => void
}

interface Slot {
  worker: Worker
  job: Job | null
  timer?: ReturnType<typeof setTimeout>
}

/**
 * Where the worker's code is: beside this module when built (out/main/worker.js), or the
 * TypeScript source run through tsx (CLI, tests, web host).
 */
function workerEntry(): string {
  const here = fileURLToPath(import.meta.url)
  return join(dirname(here), here.endsWith('.ts') ? 'worker-dev.mjs' : 'worker.js')
}

/**
 * A pool of analysis workers (one per core by default), each analysing one case at a time, so
 * the main thread and the window never wait on pixels. A case that runs past its deadline or
 * crashes its worker fails alone: the worker is replaced and the queue goes on.
 */
export class AnalysisPool {
  private readonly slots: Slot[] = []
  private readonly queue: Job[] = []
  private nextId = 1
  private closed = false

  constructor(
    readonly size = Math.max(1, availableParallelism()),
    private readonly caseTimeoutMs = 300_000,
  ) {}

  run(task: AnalysisTask): Promise<TaskResult> {
    if (this.closed) return Promise.reject(new Error('The analysis pool is closed'))
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, resolve, reject })
      this.pump()
    })
  }

  get pending(): number {
    return this.queue.length + this.slots.filter((s) => s.job).length
  }

  async close(): Promise<void> {
    this.closed = true
    for (const job of this.queue.splice(0)) job.reject(new Error('The analysis pool was closed'))
    await Promise.all(this.slots.map((s) => s.worker.terminate()))
    this.slots.length = 0
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(workerEntry()), job: null }
    slot.worker.on('message', (m: WorkerResponse) => {
      const job = slot.job
      if (!job || job.id !== m.id) return
      this.finish(slot)
      if (m.ok) job.resolve(m.result)
      else job.reject(new Error(m.error))
    })
    const fail = (error: Error) => {
      const job = slot.job
      this.replace(slot)
      job?.reject(error)
    }
    slot.worker.on('error', fail)
    slot.worker.on('exit', (code) => {
      if (!this.closed && this.slots.includes(slot)) fail(new Error(`analysis worker stopped (exit code ${code})`))
    })
    this.slots.push(slot)
    return slot
  }

  private replace(slot: Slot): void {
    clearTimeout(slot.timer)
    const i = this.slots.indexOf(slot)
    if (i >= 0) this.slots.splice(i, 1)
    void slot.worker.terminate()
    this.pump()
  }

  private finish(slot: Slot): void {
    clearTimeout(slot.timer)
    slot.job = null
    this.pump()
  }

  private pump(): void {
    if (this.closed) return
    while (this.queue.length) {
      const slot = this.slots.find((s) => !s.job) ?? (this.slots.length < this.size ? this.spawn() : undefined)
      if (!slot) return
      const job = this.queue.shift()!
      slot.job = job
      slot.timer = setTimeout(() => {
        this.replace(slot)
        job.reject(new Error(`analysis of case ${job.task.bundle.caseId} took longer than ${this.caseTimeoutMs} ms and was stopped`))
      }, this.caseTimeoutMs)
      const transfer = job.task.files.flatMap((f) => (f.bytes ? [f.bytes.buffer as ArrayBuffer] : []))
      slot.worker.postMessage({ id: job.id, task: job.task } satisfies WorkerRequest, transfer)
    }
  }
}
