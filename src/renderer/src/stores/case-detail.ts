import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { call } from '../api'
import type { CaseDetail } from '../../../shared/domain/case'

export const useCaseDetailStore = defineStore('caseDetail', () => {
  const detail = ref<CaseDetail | null>(null)
  const attemptIndex = ref(0)
  const loading = ref(false)
  const error = ref<string | null>(null)
  let latest = 0

  const attempt = computed(() => detail.value?.attempts[attemptIndex.value] ?? null)
  /** The attempt before the shown one, for "what changed". */
  const previousAttempt = computed(() => (attemptIndex.value > 0 ? detail.value?.attempts[attemptIndex.value - 1] ?? null : null))

  async function open(id: number): Promise<void> {
    const request = ++latest
    loading.value = true
    error.value = null
    if (detail.value?.row.id !== id) detail.value = null
    try {
      const result = await call('cases:get', { id })
      if (request !== latest) return // a newer case was opened meanwhile (j/k held down)
      detail.value = result
      attemptIndex.value = result.attempts.length - 1
    } catch (e) {
      if (request !== latest) return
      detail.value = null
      error.value = e instanceof Error ? e.message : String(e)
    } finally {
      if (request === latest) loading.value = false
    }
  }

  function showAttempt(index: number): void {
    const n = detail.value?.attempts.length ?? 0
    if (n) attemptIndex.value = Math.max(0, Math.min(n - 1, index))
  }

  return { detail, attemptIndex, attempt, previousAttempt, loading, error, open, showAttempt }
})
