import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { call } from '../api'
import type { CaseDetail } from '../../../shared/domain/case'

export const useCaseDetailStore = defineStore('caseDetail', () => {
  const detail = ref<CaseDetail | null>(null)
  const attemptIndex = ref(0)
  const loading = ref(false)
  const error = ref<string | null>(null)

  const attempt = computed(() => detail.value?.attempts[attemptIndex.value] ?? null)

  async function open(id: number): Promise<void> {
    loading.value = true
    error.value = null
    try {
      detail.value = await call('cases:get', { id })
      attemptIndex.value = detail.value.attempts.length - 1
    } catch (e) {
      detail.value = null
      error.value = e instanceof Error ? e.message : String(e)
    } finally {
      loading.value = false
    }
  }

  return { detail, attemptIndex, attempt, loading, error, open }
})
