import { afterAll, describe, expect, it } from 'vitest'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT } from './source-ast'

// scripts/security-check.mjs is plain JavaScript run by `npm test`; these are the parts of it
// that decide pass or fail.
interface Finding { rule: string; severity: string; confidence: string; file: string; line: number; column: number }
interface Advisory { package: string; advisory: string; severity: string }
interface AllowList { electronegativity: { rule: string; file: string; reason: string }[]; audit: { package: string; advisory: string; reason: string }[] }
interface SecurityCheck {
  normaliseIssues(issues: unknown[]): Finding[]
  parseAllowList(json: unknown): AllowList
  judgeFindings(findings: Finding[], allow: AllowList['electronegativity']): { failures: Finding[]; allowed: Finding[]; belowGate: Finding[]; stale: unknown[] }
  interpretAuditOutput(stdout: string): { ok: true; report: unknown } | { ok: false; reason: string }
  advisoriesOf(report: unknown, only?: string[]): Advisory[]
  judgeAdvisories(advisories: Advisory[], allow: AllowList['audit']): { failures: Advisory[]; allowed: Advisory[]; belowGate: Advisory[] }
  scanWithElectronegativity(options: { root: string; toolRoot?: string; targets?: string[] }): Promise<{ errors: string[]; findings: Finding[] }>
}
const scriptPath: string = join(ROOT, 'scripts/security-check.mjs')
const check = (await import(scriptPath)) as SecurityCheck

const finding = (rule: string, severity: string, file = 'src/main/window.ts'): Finding => ({ rule, severity, confidence: 'FIRM', file, line: 1, column: 0 })
const REASON = 'a reason long enough for a reviewer to check'

describe('the allow-list', () => {
  it('the project allow-list is valid, and each reason names the test that proves it', () => {
    const allow = check.parseAllowList(readFileSync(join(ROOT, 'security/allow-list.json'), 'utf8'))
    for (const entry of allow.electronegativity) {
      const tests = entry.reason.match(/tests\/[\w/.-]+\.test\.ts/g) ?? []
      expect(tests.length, `${entry.rule}: reason names a test`).toBeGreaterThan(0)
      for (const t of tests) expect(existsSync(join(ROOT, t)), t).toBe(true)
    }
  })

  it('refuses an entry without a real reason', () => {
    expect(() => check.parseAllowList({ electronegativity: [{ rule: 'X', file: 'f' }], audit: [] })).toThrow(/reason/)
    expect(() => check.parseAllowList({ electronegativity: [], audit: [{ package: 'p', advisory: 'GHSA-1', reason: 'ok' }] })).toThrow(/reason/)
    expect(() => check.parseAllowList({ electronegativity: [] })).toThrow(/audit/)
  })
})

describe('electronegativity gate', () => {
  const allow = [{ rule: 'PRELOAD_JS_CHECK', file: 'src/main/window.ts', reason: REASON }, { rule: 'GONE_CHECK', file: 'x.ts', reason: REASON }]

  it('fails on HIGH and MEDIUM findings that are not allowed, whatever the confidence', () => {
    const { failures } = check.judgeFindings(
      [finding('NODE_INTEGRATION_JS_CHECK', 'HIGH'), { ...finding('OPEN_EXTERNAL_JS_CHECK', 'MEDIUM'), confidence: 'TENTATIVE' }],
      allow,
    )
    expect(failures.map((f) => f.rule)).toEqual(['NODE_INTEGRATION_JS_CHECK', 'OPEN_EXTERNAL_JS_CHECK'])
  })

  it('an allow-list entry covers its rule in its file only', () => {
    const result = check.judgeFindings([finding('PRELOAD_JS_CHECK', 'MEDIUM'), finding('PRELOAD_JS_CHECK', 'MEDIUM', 'src/main/other.ts')], allow)
    expect(result.allowed.map((f) => f.file)).toEqual(['src/main/window.ts'])
    expect(result.failures.map((f) => f.file)).toEqual(['src/main/other.ts'])
    expect(result.stale).toEqual([allow[1]])
  })

  it('an explicit nodeIntegration, which the tool rates INFORMATIONAL, is raised to HIGH', () => {
    const [raised] = check.normaliseIssues([{ id: 'NODE_INTEGRATION_JS_CHECK', severity: { name: 'INFORMATIONAL' }, confidence: { name: 'FIRM' }, file: 'src/main/w.ts', location: { line: 3, column: 4 } }])
    expect(raised).toMatchObject({ rule: 'NODE_INTEGRATION_JS_CHECK', severity: 'HIGH', file: 'src/main/w.ts', line: 3 })
    expect(check.judgeFindings([raised], []).failures).toHaveLength(1)
  })

  it('LOW and INFORMATIONAL findings are reported but do not fail', () => {
    const result = check.judgeFindings([finding('CSP_GLOBAL_CHECK', 'LOW'), finding('X', 'INFORMATIONAL')], [])
    expect(result.failures).toEqual([])
    expect(result.belowGate).toHaveLength(2)
  })
})

describe('npm audit gate', () => {
  const report = {
    auditReportVersion: 2,
    vulnerabilities: {
      lodash: { name: 'lodash', severity: 'high', via: [{ source: 1, name: 'lodash', severity: 'high', title: 'Prototype pollution', url: 'https://github.com/advisories/GHSA-aaaa-bbbb-cccc', range: '<4.17.21' }] },
      wrapper: { name: 'wrapper', severity: 'high', via: ['lodash'] },
      tiny: { name: 'tiny', severity: 'moderate', via: [{ source: 2, name: 'tiny', severity: 'moderate', title: 'ReDoS', url: 'https://github.com/advisories/GHSA-dddd-eeee-ffff' }] },
      electron: { name: 'electron', severity: 'critical', via: [{ source: 3, name: 'electron', severity: 'critical', title: 'Sandbox escape', url: 'https://github.com/advisories/GHSA-gggg-hhhh-iiii' }] },
    },
    metadata: {},
  }

  it('fails on high and critical advisories, once per advisory, unless allowed', () => {
    const advisories = check.advisoriesOf(report)
    expect(check.judgeAdvisories(advisories, []).failures.map((a) => `${a.package} ${a.advisory}`)).toEqual([
      'lodash GHSA-aaaa-bbbb-cccc',
      'electron GHSA-gggg-hhhh-iiii',
    ])
    const allowed = check.judgeAdvisories(advisories, [{ package: 'lodash', advisory: 'GHSA-aaaa-bbbb-cccc', reason: REASON }])
    expect(allowed.failures.map((a) => a.package)).toEqual(['electron'])
    expect(allowed.belowGate.map((a) => a.package)).toEqual(['tiny'])
  })

  it('the Electron run looks at the electron package only', () => {
    expect(check.advisoriesOf(report, ['electron']).map((a) => a.package)).toEqual(['electron'])
  })

  it('an audit endpoint that does not answer is "not checked", not a pass and not a crash', () => {
    const refused = JSON.stringify({ message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', statusCode: 405 })
    const result = check.interpretAuditOutput(refused)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.reason).toMatch(/did not answer: 405/)
    expect(check.interpretAuditOutput('').ok).toBe(false)
    expect(check.interpretAuditOutput(JSON.stringify(report)).ok).toBe(true)
  })
})

// The real tool on a deliberately weakened copy of the window: proves the gate catches what it
// is there for. Runs where electronegativity is installed (a devDependency, or
// ELECTRONEGATIVITY_MODULE pointing at a copy).
const toolInstalled = (() => {
  try {
    createRequire(join(ROOT, 'package.json')).resolve(process.env.ELECTRONEGATIVITY_MODULE ?? '@doyensec/electronegativity')
    return true
  } catch {
    return false
  }
})()

describe.skipIf(!toolInstalled)('electronegativity on a weakened window (needs @doyensec/electronegativity)', () => {
  const root = mkdtempSync(join(tmpdir(), 'kyc-weakened-'))
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  it('reports nodeIntegration, contextIsolation, sandbox and webSecurity as failures', async () => {
    for (const f of ['src/main/window.ts', 'src/main/index.ts', 'src/main/ipc.ts', 'src/preload', 'src/renderer/index.html']) {
      cpSync(join(ROOT, f), join(root, f), { recursive: true })
    }
    const window = join(root, 'src/main/window.ts')
    writeFileSync(
      window,
      readFileSync(window, 'utf8').replace('contextIsolation: true', 'contextIsolation: false').replace('sandbox: true', 'sandbox: false'),
    )
    // The tool (rightly) ignores nodeIntegration in a window that sets sandbox, enabled or not, so
    // node integration and web security are switched on/off in a second window without it.
    writeFileSync(
      join(root, 'src/main/second-window.ts'),
      "import { BrowserWindow } from 'electron'\n" +
        'export const open = () => new BrowserWindow({ webPreferences: { contextIsolation: true, nodeIntegration: true, webSecurity: false } })\n',
    )
    const scan = await check.scanWithElectronegativity({ root, toolRoot: ROOT, targets: ['src/main', 'src/preload', 'src/renderer/index.html'] })
    expect(scan.errors).toEqual([])
    const allow = check.parseAllowList(readFileSync(join(ROOT, 'security/allow-list.json'), 'utf8'))
    const failing = check.judgeFindings(scan.findings, allow.electronegativity).failures.map((f) => `${f.rule} ${f.file}`)
    expect(failing).toEqual(
      expect.arrayContaining([
        'CONTEXT_ISOLATION_JS_CHECK src/main/window.ts',
        'SANDBOX_JS_CHECK src/main/window.ts',
        'NODE_INTEGRATION_JS_CHECK src/main/second-window.ts',
        'WEB_SECURITY_JS_CHECK src/main/second-window.ts',
      ]),
    )
  })
})
