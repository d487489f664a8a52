import { CAUSES, type Cause } from '../../shared/domain/causes'
import { FindingSchema, type Finding } from '../../shared/domain/finding'
import type { DocumentData } from '../../shared/domain/document-data'
import type { FindingWithOrigin } from '../db/queries/findings'
import { getDocumentData } from './document-data'
import { settingsSection } from './settings'
import type { Analyser, AnalysisContext, AnalysisInput } from './types'

export interface AnalyserRun {
  id: string
  version: string
  ms: number
  findings: number
  error?: string
}

export interface AnalysisResult {
  findings: FindingWithOrigin[]
  /** Distinct causes with a blocker or warning finding, most blocking first. */
  causes: Cause[]
  primaryCause: Cause | null
  documentData: DocumentData
  runs: AnalyserRun[]
}

export function createContext(input: AnalysisInput): AnalysisContext {
  const facts = new Map<string, Promise<unknown>>()
  return {
    ...input,
    fact<T>(key: string, compute: () => Promise<T>): Promise<T> {
      let p = facts.get(key) as Promise<T> | undefined
      if (!p) {
        p = compute()
        facts.set(key, p)
      }
      return p
    },
  }
}

class AnalyserTimeout extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AnalyserTimeout(`${what} took longer than ${ms} ms and was stopped`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

function failureFinding(analyser: Analyser, message: string): Finding {
  return {
    cause: analyser.causes[0],
    code: 'ANALYSER_FAILED',
    severity: 'info',
    confidence: 1,
    evidence: { analyser: analyser.id, version: analyser.version, error: message },
    explanation: {
      en: `The ${analyser.id} check could not run on this case (${message}). Its causes were not checked: review them by eye.`,
      'zh-CN': `${analyser.id} 检查未能在此案件上运行（${message}）。相关原因未被检查，请人工核对。`,
    },
    remedies: [],
  }
}

const RANK = new Map<Cause, number>(CAUSES.map((c, i) => [c, i]))

/**
 * The primary cause: the most blocking cause among blocker findings (rank = order of CAUSES:
 * a missing or unreadable document blocks everything after it), else among warnings, else none.
 * See docs/analysis.md, "Primary cause".
 */
export function choosePrimaryCause(findings: readonly Finding[]): Cause | null {
  for (const severity of ['blocker', 'warning'] as const) {
    const causes = findings.filter((f) => f.severity === severity).map((f) => f.cause)
    if (causes.length) return causes.sort((a, b) => RANK.get(a)! - RANK.get(b)!)[0]
  }
  return null
}

/**
 * REVIEW_BACKLOG means "nothing is wrong, it is just waiting": when anything else blocks, the
 * backlog finding is kept for the record but demoted to info, so it is not counted as a cause.
 */
function demoteBacklogWhenOtherBlockers(findings: FindingWithOrigin[]): FindingWithOrigin[] {
  const otherProblems = findings.some((f) => f.cause !== 'REVIEW_BACKLOG' && f.severity !== 'info')
  if (!otherProblems) return findings
  return findings.map((f) => (f.cause === 'REVIEW_BACKLOG' && f.severity !== 'info' ? { ...f, severity: 'info' as const } : f))
}

/** Runs every analyser on one case; one analyser failing never stops the others. */
export async function analyseCase(input: AnalysisInput, analysers: readonly Analyser[]): Promise<AnalysisResult> {
  return analyseWithContext(createContext(input), analysers)
}

/** The same, on a context the caller keeps (to read facts such as faces afterwards). */
export async function analyseWithContext(ctx: AnalysisContext, analysers: readonly Analyser[]): Promise<AnalysisResult> {
  const input = ctx
  const { analyserTimeoutMs } = settingsSection(input.settings, 'engine', ['analyserTimeoutMs'] as const)
  const all: FindingWithOrigin[] = []
  const runs: AnalyserRun[] = []
  for (const analyser of analysers) {
    const start = performance.now()
    let produced: Finding[]
    let error: string | undefined
    try {
      const raw = await withTimeout(analyser.run(ctx), analyserTimeoutMs, analyser.id)
      produced = raw.map((f) => {
        const parsed = FindingSchema.safeParse(f)
        if (!parsed.success) throw new Error(`produced an invalid finding: ${parsed.error.issues[0]?.message ?? 'invalid'}`)
        return parsed.data
      })
    } catch (e) {
      error = e instanceof Error ? e.message : String(e)
      produced = [failureFinding(analyser, error)]
    }
    runs.push({ id: analyser.id, version: analyser.version, ms: Math.round(performance.now() - start), findings: produced.length, error })
    all.push(...produced.map((f) => ({ ...f, analyser: analyser.id, analyserVersion: analyser.version })))
  }
  const findings = demoteBacklogWhenOtherBlockers(all)
  const detected = [...new Set(findings.filter((f) => f.severity !== 'info').map((f) => f.cause))].sort(
    (a, b) => RANK.get(a)! - RANK.get(b)!,
  )
  let documentData: DocumentData
  try {
    documentData = await getDocumentData(ctx)
  } catch {
    documentData = { source: 'none', mrz: null, fields: {} }
  }
  return { findings, causes: detected, primaryCause: choosePrimaryCause(findings), documentData, runs }
}
