import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { call } from '../api'
import type { LintIssue, ReplyPreview, Template, TemplatePurpose, TemplateVariant } from '../../../shared/domain/reply'

export const LINT_DEBOUNCE_MS = 300

export interface TemplateDraftState {
  key: string
  purpose: TemplatePurpose
  description: string
  variants: TemplateVariant[]
}

function blankDraft(): TemplateDraftState {
  return {
    key: '',
    purpose: 'request_resubmission',
    description: '',
    variants: [
      { locale: 'en', subject: 'Your verification {{ case_id }}', body: 'Dear {{ customer_name }},\n\n{% for remedy in remedies %}- {{ remedy.text }}\n{% endfor %}\n{{ agent_name }}\n' },
      { locale: 'zh-CN', subject: '您的身份验证 {{ case_id }}', body: '{{ customer_name }}，您好：\n\n{% for remedy in remedies %}- {{ remedy.text }}\n{% endfor %}\n{{ agent_name }}\n' },
    ],
  }
}

function draftOf(t: Template): TemplateDraftState {
  return { key: t.key, purpose: t.purpose, description: t.description, variants: t.variants.map(({ locale, subject, body }) => ({ locale, subject, body })) }
}

/**
 * The template editor: the list with usage counts, one draft being edited, its live lint and a
 * preview against the case opened last in the workspace.
 */
export const useTemplatesStore = defineStore('templates', () => {
  const list = ref<Template[]>([])
  const error = ref<string | null>(null)
  const mode = ref<'create' | 'update' | null>(null)
  const draft = ref<TemplateDraftState | null>(null)
  const variantIndex = ref(0)
  const issues = ref<LintIssue[]>([])
  const preview = ref<ReplyPreview | null>(null)
  const previewError = ref<string | null>(null)
  const saving = ref(false)
  const dirty = ref(false)
  /** The case opened last in the workspace: previews render against it. */
  const lastCaseId = ref<number | null>(null)
  let lintTimer: ReturnType<typeof setTimeout> | undefined
  let lintSeq = 0
  let previewSeq = 0

  const errors = computed(() => issues.value.filter((i) => i.severity === 'error'))
  const variant = computed(() => draft.value?.variants[variantIndex.value] ?? null)

  function noteCase(id: number): void {
    lastCaseId.value = id
  }

  async function load(): Promise<void> {
    try {
      list.value = (await call('templates:list', {})).templates
      error.value = null
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
    }
  }

  function edit(key: string): void {
    const t = list.value.find((x) => x.key === key)
    if (!t) return
    draft.value = draftOf(t)
    mode.value = 'update'
    variantIndex.value = 0
    issues.value = t.issues
    dirty.value = false
  }

  function create(): void {
    draft.value = blankDraft()
    mode.value = 'create'
    variantIndex.value = 0
    dirty.value = true
  }

  function addVariant(locale: string): void {
    const d = draft.value
    if (!d || !locale.trim() || d.variants.some((v) => v.locale === locale)) return
    const base = d.variants.find((v) => v.locale === 'en') ?? d.variants[0]
    d.variants.push({ locale: locale.trim(), subject: base?.subject ?? '', body: base?.body ?? '' })
    variantIndex.value = d.variants.length - 1
  }

  function removeVariant(index: number): void {
    const d = draft.value
    if (!d || d.variants.length <= 1) return
    d.variants.splice(index, 1)
    variantIndex.value = Math.min(variantIndex.value, d.variants.length - 1)
  }

  async function lint(): Promise<void> {
    const d = draft.value
    if (!d) return
    const seq = ++lintSeq
    try {
      const result = await call('templates:lint', { purpose: d.purpose, variants: d.variants.map((v) => ({ ...v })) })
      if (seq === lintSeq) issues.value = result.issues
    } catch (e) {
      // a variant with an empty subject or body fails the input check: say so as a lint error
      if (seq === lintSeq) issues.value = [{ severity: 'error', code: 'SYNTAX', locale: null, part: null, line: null, message: e instanceof Error ? e.message : String(e) }]
    }
  }

  async function renderPreview(): Promise<void> {
    const d = draft.value
    const v = variant.value
    const caseId = lastCaseId.value
    if (!d || !v || caseId === null) {
      preview.value = null
      return
    }
    const seq = ++previewSeq
    try {
      const key = /^[a-z0-9][a-z0-9_-]{0,63}$/.test(d.key) ? d.key : 'draft'
      const result = await call('templates:preview', {
        caseId, templateKey: key, locale: v.locale,
        draft: { key, purpose: d.purpose, description: d.description, variants: d.variants.map((x) => ({ ...x })) },
      })
      if (seq !== previewSeq) return
      preview.value = result
      previewError.value = null
    } catch (e) {
      if (seq !== previewSeq) return
      preview.value = null
      previewError.value = e instanceof Error ? e.message : String(e)
    }
  }

  function scheduleCheck(): void {
    clearTimeout(lintTimer)
    lintTimer = setTimeout(() => {
      void lint()
      void renderPreview()
    }, LINT_DEBOUNCE_MS)
  }

  watch(draft, (d, old) => {
    if (d && d === old) dirty.value = true
    if (d) scheduleCheck()
  }, { deep: true })
  watch(variantIndex, () => void renderPreview())

  async function save(): Promise<Template | null> {
    const d = draft.value
    if (!d || !mode.value) return null
    saving.value = true
    try {
      const saved = await call('templates:save', { mode: mode.value, template: { ...d, variants: d.variants.map((v) => ({ ...v })) } })
      await load()
      edit(saved.key)
      error.value = null
      return saved
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
      return null
    } finally {
      saving.value = false
    }
  }

  async function duplicate(key: string): Promise<Template | null> {
    try {
      const copy = await call('templates:duplicate', { key })
      await load()
      edit(copy.key)
      return copy
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
      return null
    }
  }

  async function remove(key: string): Promise<boolean> {
    try {
      await call('templates:delete', { key })
      if (draft.value?.key === key) {
        draft.value = null
        mode.value = null
      }
      await load()
      return true
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
      return false
    }
  }

  return {
    list, error, mode, draft, variantIndex, variant, issues, errors, preview, previewError, saving, dirty, lastCaseId,
    noteCase, load, edit, create, addVariant, removeVariant, lint, renderPreview, save, duplicate, remove,
  }
})
