import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

export interface PiiValue {
  kind: 'name' | 'document number' | 'date of birth' | 'e-mail' | 'phone' | 'passphrase'
  value: string
}

function caseFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) return caseFiles(full)
    return name === 'case.json' ? [full] : []
  })
}

/** The customers' data in every case.json under the given folders, as the checks look for it. */
export function corpusPii(dirs: string[]): PiiValue[] {
  const out = new Map<string, PiiValue>()
  const add = (kind: PiiValue['kind'], value: unknown) => {
    if (typeof value !== 'string' || value.trim().length < 2) return
    out.set(`${kind}:${value.trim().toUpperCase()}`, { kind, value: value.trim() })
  }
  for (const file of dirs.flatMap(caseFiles)) {
    const c = JSON.parse(readFileSync(file, 'utf8'))
    const form = c.form ?? {}
    const extracted = c.vendor?.extracted ?? {}
    for (const v of [form.firstName, form.lastName, form.nativeName, extracted.firstName, extracted.lastName]) add('name', v)
    for (const v of [form.documentNumber, extracted.documentNumber]) add('document number', v)
    for (const v of [form.dateOfBirth, extracted.dateOfBirth]) {
      add('date of birth', v)
      if (typeof v === 'string' && /^\d{4}-\d\d-\d\d$/.test(v)) add('date of birth', v.replace(/-/g, ''))
    }
    add('e-mail', c.applicant?.email)
    add('phone', c.applicant?.phone)
  }
  return [...out.values()]
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Whole-word, case-insensitive: "LIN" is a leak, the "lin" of "line" is not. */
function pattern(v: PiiValue): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escape(v.value)}(?![\\p{L}\\p{N}])`, 'iu')
}

export interface LogScan {
  hosts: number
  logFiles: number
  leaks: Array<{ file: string; kind: string; value: string; line: string }>
}

/** Reads `<host dir>/logs/*` of every host dir under `runDir` and reports each PII value found. */
export function findPiiInLogs(runDir: string, values: PiiValue[]): LogScan {
  const scan: LogScan = { hosts: 0, logFiles: 0, leaks: [] }
  const patterns = values.map((v) => ({ v, re: pattern(v) }))
  for (const host of readdirSync(runDir)) {
    const hostDir = join(runDir, host)
    if (!statSync(hostDir).isDirectory()) continue
    scan.hosts++
    const logs = join(hostDir, 'logs')
    if (!existsSync(logs)) continue
    for (const name of readdirSync(logs)) {
      const file = join(logs, name)
      scan.logFiles++
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        for (const { v, re } of patterns) if (re.test(line)) scan.leaks.push({ file, kind: v.kind, value: v.value, line: line.slice(0, 300) })
      }
    }
  }
  return scan
}
