import { describe, expect, it } from 'vitest'
import { backlogAnalyser } from '../../../../../src/main/analysis/backlog'
import { analyseCase } from '../../../../../src/main/analysis/engine'
import { uploadsAnalyser } from '../../../../../src/main/analysis/uploads'
import { bundleFiles, makeBundle, testSettings } from '../helpers'

describe('review backlog inside the engine', () => {
  const now = new Date('2026-11-20T10:30:00Z')

  it('is the primary cause of a pending case that has nothing else wrong', async () => {
    const bundle = makeBundle({ status: 'pending', submittedAt: '2026-11-17T09:00:00Z', documents: [], selfies: [] })
    const result = await analyseCase({ bundle, files: [], settings: testSettings(), now }, [backlogAnalyser, uploadsAnalyser])
    expect(result.causes).toEqual(['REVIEW_BACKLOG'])
    expect(result.primaryCause).toBe('REVIEW_BACKLOG')
  })

  it('is demoted to info when an upload broke, so the wait is not counted as a cause', async () => {
    const bundle = makeBundle({
      status: 'pending',
      submittedAt: '2026-11-17T09:00:00Z',
      documents: [],
      selfies: [{ file: 'selfie.jpg' }],
      uploads: [{ file: 'selfie.jpg', startedAt: '2026-11-17T08:58:00Z', bytesSent: 10_000, bytesTotal: 900_000, httpStatus: 0 }],
    })
    const result = await analyseCase({ bundle, files: bundleFiles(bundle), settings: testSettings(), now }, [backlogAnalyser, uploadsAnalyser])
    expect(result.causes).toEqual(['UPLOAD_NETWORK_FAILURE'])
    expect(result.findings.find((f) => f.cause === 'REVIEW_BACKLOG')?.severity).toBe('info')
  })
})
