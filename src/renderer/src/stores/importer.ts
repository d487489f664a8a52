import { defineStore } from 'pinia'
import { ref } from 'vue'
import { ApiError, call } from '../api'
import type { ImportJob } from '../../../shared/domain/import-job'
import { useQueueStore } from './queue'

const POLL_MS = 300

/** A background import: started here, polled until it ends, then the queue reloads. */
export const useImporterStore = defineStore('importer', () => {
  const open = ref(false)
  const job = ref<ImportJob | null>(null)
  const replace = ref(false)
  const error = ref<string | null>(null)
  let timer: ReturnType<typeof setTimeout> | undefined

  async function poll(): Promise<void> {
    if (!job.value) return
    try {
      job.value = await call('import:status', { id: job.value.id })
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
      return
    }
    if (job.value.state === 'running') timer = setTimeout(() => void poll(), POLL_MS)
    else void useQueueStore().reload()
  }

  async function start(paths: string[]): Promise<void> {
    if (paths.length === 0) return
    error.value = null
    open.value = true
    clearTimeout(timer)
    try {
      job.value = await call('import:start', { paths, replace: replace.value })
      timer = setTimeout(() => void poll(), POLL_MS)
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
    }
  }

  async function choose(): Promise<void> {
    error.value = null
    try {
      const { paths } = await call('import:choose', {})
      await start(paths)
    } catch (e) {
      error.value = e instanceof ApiError && e.code === 'UNAVAILABLE' ? 'no-dialog' : e instanceof Error ? e.message : String(e)
    }
  }

  async function cancel(): Promise<void> {
    if (!job.value) return
    job.value = await call('import:cancel', { id: job.value.id })
  }

  return { open, job, replace, error, start, choose, cancel }
})
