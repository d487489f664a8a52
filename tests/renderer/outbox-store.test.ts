import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'

const call = vi.fn()
vi.mock('../../src/renderer/src/api', () => ({ call: (...args: unknown[]) => call(...args), artifactUrl: (s: string) => `/artifact/${s}` }))

const { useOutboxStore, replyAsText } = await import('../../src/renderer/src/stores/outbox')
const { useTemplatesStore } = await import('../../src/renderer/src/stores/templates')

const page = (counts: Record<string, number>) => ({ entries: [], total: 0, countsByState: counts, sender: { configured: false, running: false } })

describe('outbox store', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    call.mockReset()
  })

  it('counts failed and retrying replies for the topbar badge', async () => {
    call.mockResolvedValue(page({ queued: 4, retrying: 2, failed: 1, sent: 9 }))
    const o = useOutboxStore()
    await o.loadCounts()
    expect(o.attention).toBe(3)
  })

  it('asks for one state when filtered, all otherwise', async () => {
    call.mockResolvedValue(page({}))
    const o = useOutboxStore()
    o.setFilter('failed')
    o.setFilter('all')
    await vi.waitFor(() => expect(call).toHaveBeenCalledTimes(2))
    expect(call.mock.calls[0][1]).toMatchObject({ states: ['failed'] })
    expect(call.mock.calls[1][1].states).toBeUndefined()
  })

  it('shows a refused retry as a notice and reloads the list', async () => {
    call.mockImplementation(async (channel: string) => {
      if (channel === 'outbox:retry') throw new Error('a sent reply cannot be retried')
      return page({})
    })
    const o = useOutboxStore()
    expect(await o.retry(5)).toBe(false)
    expect(o.toasts.at(-1)).toMatchObject({ tone: 'blocker', text: 'a sent reply cannot be retried' })
    expect(call.mock.calls.map((c) => c[0])).toEqual(['outbox:retry', 'outbox:list'])
    expect(o.busy.has(5)).toBe(false)
  })

  it('copies a reply with its recipient and subject', () => {
    expect(replyAsText({ to: 'a@b.c', subject: 'S', body: 'B' })).toBe('To: a@b.c\nSubject: S\n\nB')
  })
})

describe('templates store', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    setActivePinia(createPinia())
    call.mockReset()
  })

  it('lints the draft as it is typed and previews it against the case opened last', async () => {
    call.mockImplementation(async (channel: string, input: { variants?: unknown[]; draft?: { variants: { body: string }[] } }) => {
      if (channel === 'templates:lint') return { issues: [{ severity: 'error', code: 'UNKNOWN_VARIABLE', locale: 'en', part: 'body', line: 1, message: 'unknown variable: nme' }] }
      if (channel === 'templates:preview') return { subject: 's', body: input.draft!.variants[0].body }
      throw new Error(channel)
    })
    const s = useTemplatesStore()
    s.noteCase(12)
    s.create()
    s.draft!.key = 'mine'
    s.draft!.variants[0].body = 'Hi {{ nme }}'
    await vi.advanceTimersByTimeAsync(1000)
    expect(call.mock.calls.filter((c) => c[0] === 'templates:lint')).toHaveLength(1)
    expect(s.errors).toHaveLength(1)
    const preview = call.mock.calls.find((c) => c[0] === 'templates:preview')![1]
    expect(preview).toMatchObject({ caseId: 12, templateKey: 'mine', locale: 'en' })
    vi.useRealTimers()
  })
})
