import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { CaseRow } from '../../src/shared/domain/case'

const call = vi.fn()
vi.mock('../../src/renderer/src/api', () => ({ call: (...args: unknown[]) => call(...args), artifactUrl: (s: string) => `/artifact/${s}` }))

const { useQueueStore, PAGE_SIZE } = await import('../../src/renderer/src/stores/queue')

function row(i: number): CaseRow {
  return {
    id: i + 1, caseId: `C-${i}`, attempt: 1, attemptCount: 1, customerName: `P ${i}`, email: `p${i}@example.com`, country: 'DEU',
    documentType: 'PASSPORT', locale: 'en', status: 'new', primaryCause: null, causes: [], submittedAt: '2026-11-01T00:00:00Z',
    assignee: null, analysisState: 'done',
  }
}

describe('queue store', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    call.mockReset()
    call.mockImplementation(async (channel: string, input: { offset: number; limit: number }) =>
      channel === 'cases:counts'
        ? { countsByStatus: { new: 250 }, countsByCause: { FACE_MISMATCH: 3 }, countsByCountry: [{ country: 'DEU', n: 250 }] }
        : {
            rows: Array.from({ length: Math.min(input.limit, 250 - input.offset) }, (_, k) => row(input.offset + k)),
            total: input.offset === 0 ? 250 : null,
          })
  })

  it('asks for the counts after the first page, with the same filters', async () => {
    const q = useQueueStore()
    await q.reload()
    await vi.waitFor(() => expect(q.countsByCountry).toEqual([{ country: 'DEU', n: 250 }]))
    expect(call.mock.calls.map((c) => c[0])).toEqual(['cases:list', 'cases:counts'])
    expect(call.mock.calls[1][1]).toMatchObject({ statuses: ['new', 'pending', 'escalated'] })
    expect(q.countsByCause).toEqual({ FACE_MISMATCH: 3 })
  })

  it('drops counts that answer a query the agent has since changed', async () => {
    const q = useQueueStore()
    let release: (v: unknown) => void = () => {}
    call.mockImplementationOnce(async () => ({ rows: [row(0)], total: 1 }))
    call.mockImplementationOnce(() => new Promise((r) => (release = r)))
    await q.reload()
    await q.reload() // a newer query: its counts are the ones to keep
    release({ countsByStatus: { new: 999 }, countsByCause: {}, countsByCountry: [] })
    await vi.waitFor(() => expect(q.countsByStatus).toEqual({ new: 250 }))
  })

  it('loads the first page with the open statuses and keeps the total from it', async () => {
    const q = useQueueStore()
    await q.reload()
    expect(call).toHaveBeenCalledWith('cases:list', expect.objectContaining({ offset: 0, limit: PAGE_SIZE, statuses: ['new', 'pending', 'escalated'] }))
    expect(q.total).toBe(250)
    expect(q.rowAt(0)?.caseId).toBe('C-0')
    expect(q.rowAt(150)).toBeUndefined()
  })

  it('fetches only the pages a visible range needs, once each', async () => {
    const q = useQueueStore()
    await q.reload()
    await Promise.all([q.ensureRange(120, 210), q.ensureRange(150, 160)])
    expect(call.mock.calls.filter((c) => c[0] === 'cases:list').map((c) => c[1].offset)).toEqual([0, 100, 200])
    expect(q.rowAt(205)?.caseId).toBe('C-205')
    expect(q.total).toBe(250) // later pages (total null) do not overwrite it
  })

  it('keeps the selection inside the list', async () => {
    const q = useQueueStore()
    await q.reload()
    q.select(-3)
    expect(q.selectedIndex).toBe(0)
    q.select(10_000)
    expect(q.selectedIndex).toBe(249)
  })

  it('shows an error instead of rows when the call fails', async () => {
    call.mockRejectedValueOnce(new Error('database is locked'))
    const q = useQueueStore()
    await q.reload()
    expect(q.error).toBe('database is locked')
  })
})

describe('queue filters and "submit and next"', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    call.mockReset()
    localStorage.clear()
  })

  function serve(ids: number[]) {
    call.mockImplementation(async (c: string, input: { offset: number; limit: number }) =>
      c === 'cases:counts'
        ? { countsByStatus: {}, countsByCause: {}, countsByCountry: [] }
        : { rows: ids.slice(input.offset, input.offset + input.limit).map((id) => row(id - 1)), total: input.offset === 0 ? ids.length : null })
  }

  it('sends every filter the agent set, and nothing for the ones left empty', async () => {
    const { toQuery, defaultFilters } = await import('../../src/renderer/src/stores/queue')
    expect(toQuery(defaultFilters())).toEqual({ statuses: ['new', 'pending', 'escalated'], sort: 'oldest', causes: undefined, assignee: undefined, country: undefined, olderThanHours: undefined, minAttempt: undefined, search: undefined })
    expect(toQuery({ ...defaultFilters(), statuses: [], causes: ['FACE_MISMATCH', 'DOCUMENT_QUALITY'], assignee: 'me', country: ' deu ', olderThanHours: 48, minAttempt: 2, search: '  popescu ', sort: 'newest' })).toEqual({
      statuses: undefined, causes: ['DOCUMENT_QUALITY', 'FACE_MISMATCH'], assignee: 'me', country: 'DEU', olderThanHours: 48, minAttempt: 2, search: 'popescu', sort: 'newest',
    })
  })

  it('openNext opens the case after the current one in queue order', async () => {
    serve([10, 11, 12, 13])
    const q = useQueueStore()
    const opened: number[] = []
    q.setNavigator((id) => opened.push(id))
    await q.reload()
    q.select(1) // case 11 is open
    const next = await q.openNext(11)
    expect(next?.id).toBe(12)
    expect(opened).toEqual([12])
    expect(q.selectedIndex).toBe(2)
  })

  it('after a decision moved the current case out of the queue, the case that took its place is next', async () => {
    serve([10, 11, 12, 13])
    const q = useQueueStore()
    const opened: number[] = []
    q.setNavigator((id) => opened.push(id))
    await q.reload()
    q.select(1)
    serve([10, 12, 13]) // 11 was decided and left the open queue
    await q.openNext(11)
    expect(opened).toEqual([12])
  })

  it('at the end of the queue there is no next case', async () => {
    serve([10, 11])
    const q = useQueueStore()
    const opened: number[] = []
    q.setNavigator((id) => opened.push(id))
    await q.reload()
    q.select(1)
    expect(await q.openNext(11)).toBeNull()
    expect(opened).toEqual([])
  })

  it('noteOpened finds a case opened by link so next continues from it', async () => {
    serve(Array.from({ length: 150 }, (_, i) => i + 1))
    const q = useQueueStore()
    await q.reload()
    await q.ensureRange(100, 149)
    q.noteOpened(120)
    expect(q.selectedIndex).toBe(119)
  })
})
