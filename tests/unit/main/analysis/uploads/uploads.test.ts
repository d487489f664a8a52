import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { uploadsAnalyser } from '../../../../../src/main/analysis/uploads'
import type { CaseBundle } from '../../../../../src/shared/domain/case-bundle'
import { FindingSchema, type Finding } from '../../../../../src/shared/domain/finding'
import { bundleFiles, makeBundle, makeContext } from '../helpers'

type Upload = NonNullable<CaseBundle['uploads']>[number]

// Real specimen images (resources/specimens/PROVENANCE.md) stand in for the customer's uploads.
const specimens = join(__dirname, '../../../../../resources/specimens/documents')
const front = readFileSync(join(specimens, '100_id-rou.jpg'))
const back = readFileSync(join(specimens, '100_pass-chn.jpg'))
const selfie = readFileSync(join(specimens, '100_pass-cze.jpg'))

function attempt(file: string, total: number, startedAt: string, sent: number, extra: Partial<Upload> = {}): Upload {
  return { file, startedAt, endedAt: startedAt.replace(/:00Z$/, ':40Z'), bytesSent: sent, bytesTotal: total, ...extra }
}
const ok = (file: string, total: number, at: string) => attempt(file, total, at, total, { httpStatus: 200 })

async function run(uploads: Upload[], bytes: Record<string, Buffer | null>, connection?: 'wifi' | 'cellular'): Promise<Finding[]> {
  const bundle = makeBundle({ uploads, device: connection ? { connection } : undefined })
  const findings = await uploadsAnalyser.run(makeContext(bundle, { files: bundleFiles(bundle, bytes) }))
  for (const f of findings) expect(FindingSchema.parse(f)).toEqual(f)
  return findings
}

const all = { 'id_front.jpg': front, 'id_back.jpg': back, 'selfie.jpg': selfie }
const counted = (fs: Finding[]) => fs.filter((f) => f.severity !== 'info')

describe('uploads', () => {
  it('finds nothing when every file uploaded at the first attempt', async () => {
    const uploads = [ok('id_front.jpg', front.length, '2026-11-20T09:50:00Z'), ok('id_back.jpg', back.length, '2026-11-20T09:51:00Z'), ok('selfie.jpg', selfie.length, '2026-11-20T09:52:00Z')]
    expect(await run(uploads, all, 'wifi')).toEqual([])
  })

  it('does not blame the network when a timeout was followed by a complete upload of the same file', async () => {
    const uploads = [
      attempt('id_front.jpg', front.length, '2026-11-20T09:50:00Z', 65_536, { httpStatus: 408, error: 'timeout' }),
      ok('id_front.jpg', front.length, '2026-11-20T09:51:00Z'),
      ok('id_back.jpg', back.length, '2026-11-20T09:52:00Z'),
    ]
    const findings = await run(uploads, all, 'wifi')
    expect(counted(findings)).toEqual([])
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ code: 'TIMEOUT', severity: 'info', artifact: 'id_front.jpg', evidence: { recovered: true, attemptCount: 2 } })
  })

  it('ties a truncated final attempt to its file and says the file in the case is truncated', async () => {
    const sent = 96 * 1024
    const uploads = [
      ok('id_front.jpg', front.length, '2026-11-20T09:50:00Z'),
      attempt('id_back.jpg', back.length, '2026-11-20T09:52:00Z', sent, { httpStatus: 0, error: 'connection_reset' }),
    ]
    const findings = await run(uploads, { ...all, 'id_back.jpg': back.subarray(0, sent) })
    expect(findings).toHaveLength(1)
    const f = findings[0]
    expect(f).toMatchObject({ cause: 'UPLOAD_NETWORK_FAILURE', code: 'INCOMPLETE_UPLOAD', severity: 'blocker', artifact: 'id_back.jpg' })
    expect(f.evidence.bundleFile).toEqual({ state: 'truncated', bytes: sent, expected: back.length })
    expect(f.explanation.en).toContain('id_back.jpg did not upload')
    expect(f.explanation.en).toContain('truncated: 96 KB of 157 KB')
    expect(f.explanation['zh-CN']).toContain('不完整')
    expect(f.remedies).toEqual(['RETRY_UPLOAD', 'USE_STABLE_WIFI'])
  })

  it('reports a file missing from the case after its upload timed out', async () => {
    const uploads = [attempt('selfie.jpg', selfie.length, '2026-11-20T09:55:00Z', selfie.length, { httpStatus: 408, error: 'timeout' })]
    const [f] = await run(uploads, { ...all, 'selfie.jpg': null })
    expect(f).toMatchObject({ code: 'TIMEOUT', severity: 'blocker', artifact: 'selfie.jpg', evidence: { bundleFile: { state: 'missing' } } })
    expect(f.explanation.en).toContain('missing from the case')
  })

  it('calls three failed attempts for one file repeated retries, and counts the attempts in time order', async () => {
    const uploads = [
      attempt('id_front.jpg', front.length, '2026-11-20T09:54:00Z', 150_000, { httpStatus: 0 }),
      attempt('id_front.jpg', front.length, '2026-11-20T09:50:00Z', 20_000, { error: 'timeout' }),
      attempt('id_front.jpg', front.length, '2026-11-20T09:52:00Z', 90_000, { error: 'connection_reset' }),
    ]
    const [f] = await run(uploads, { ...all, 'id_front.jpg': front.subarray(0, 150_000) })
    expect(f).toMatchObject({ code: 'REPEATED_RETRIES', severity: 'blocker', evidence: { attemptCount: 3, failedAttempts: 3, repeatedRetriesMin: 3 } })
    const sentInOrder = (f.evidence.attempts as { bytesSent: number }[]).map((a) => a.bytesSent)
    expect(sentInOrder).toEqual([20_000, 90_000, 150_000])
  })

  it('keeps the explanation of a retry storm readable', async () => {
    const uploads = Array.from({ length: 8 }, (_, i) =>
      attempt('selfie.jpg', selfie.length, `2026-11-20T09:${String(10 + i).padStart(2, '0')}:00Z`, 1000 * (i + 1), { error: 'timeout' }),
    )
    const [f] = await run(uploads, { ...all, 'selfie.jpg': null })
    expect(f.evidence.attemptCount).toBe(8)
    expect(f.explanation.en).toContain('8 attempts, none completed')
    expect(f.explanation.en).toContain('attempt 2 at')
    expect(f.explanation.en).toContain('… 3 more attempts …')
    expect(f.explanation.en).toContain('attempt 8 at 2026-11-20 09:17 UTC')
    expect(f.explanation.en).not.toContain('attempt 4 at')
  })

  it('reports a file that had to be sent again and again as a warning, even though it arrived', async () => {
    const uploads = [
      attempt('id_front.jpg', front.length, '2026-11-20T09:50:00Z', 10_000, { error: 'timeout' }),
      attempt('id_front.jpg', front.length, '2026-11-20T09:51:00Z', 30_000, { error: 'connection_reset' }),
      attempt('id_front.jpg', front.length, '2026-11-20T09:52:00Z', 50_000, { httpStatus: 0 }),
      ok('id_front.jpg', front.length, '2026-11-20T09:53:00Z'),
    ]
    const findings = await run(uploads, all, 'wifi')
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['REPEATED_RETRIES', 'warning']])
    expect(findings[0].remedies).toEqual(['USE_STABLE_WIFI', 'RETRY_UPLOAD'])
  })

  it('keeps a single failure that the next attempt recovered from as info', async () => {
    const uploads = [
      attempt('id_front.jpg', front.length, '2026-11-20T09:50:00Z', 10_000, { error: 'timeout' }),
      ok('id_front.jpg', front.length, '2026-11-20T09:51:00Z'),
    ]
    const findings = await run(uploads, all, 'wifi')
    expect(findings.map((f) => f.severity)).toEqual(['info'])
  })

  it('adds an unstable-connection warning when uploads over mobile data kept failing', async () => {
    const uploads = [
      attempt('id_back.jpg', back.length, '2026-11-20T09:50:00Z', 40_000, { error: 'connection_reset', httpStatus: 0 }),
      attempt('id_back.jpg', back.length, '2026-11-20T09:51:00Z', 70_000, { error: 'connection_reset', httpStatus: 0 }),
    ]
    const truncated = { ...all, 'id_back.jpg': back.subarray(0, 70_000) }
    const cellular = await run(uploads, truncated, 'cellular')
    expect(cellular.map((f) => [f.code, f.severity])).toEqual([
      ['INCOMPLETE_UPLOAD', 'blocker'],
      ['UNSTABLE_CONNECTION', 'warning'],
    ])
    expect(cellular[1].evidence).toMatchObject({ connection: 'cellular', failedAttempts: 2, cellularFailuresMin: 2 })
    const wifi = await run(uploads, truncated, 'wifi')
    expect(wifi.map((f) => f.code)).toEqual(['INCOMPLETE_UPLOAD'])
  })

  it('only warns when the log says the upload broke but the case holds the whole file', async () => {
    const uploads = [attempt('id_front.jpg', front.length, '2026-11-20T09:50:00Z', 1000, { error: 'aborted' })]
    const [f] = await run(uploads, all)
    expect(f).toMatchObject({ code: 'INCOMPLETE_UPLOAD', severity: 'warning', evidence: { bundleFile: { state: 'complete', bytes: front.length } } })
  })

  it('leaves a file the server refused as too large to the file checks', async () => {
    const uploads = [attempt('id_front.jpg', 30_000_000, '2026-11-20T09:50:00Z', 30_000_000, { httpStatus: 413 })]
    expect(await run(uploads, { ...all, 'id_front.jpg': null })).toEqual([])
  })

  it('explains a file that never reached the case at all', async () => {
    const uploads = [attempt('proof_of_address.pdf', 800_000, '2026-11-20T09:50:00Z', 200_000, { error: 'timeout', httpStatus: 408 })]
    const [f] = await run(uploads, all)
    expect(f).toMatchObject({ code: 'TIMEOUT', severity: 'blocker', artifact: 'proof_of_address.pdf', evidence: { bundleFile: { state: 'not_in_case' } } })
  })
})
