import { afterEach, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { corpusPii, findPiiInLogs } from '../../../helpers/log-pii'
import { createLogger } from '../../../../src/main/logging/logger'
import { knownPii } from '../../../../src/main/logging/redact'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

/** The check the e2e suite's teardown runs on the web hosts' logs (tests/e2e/global-teardown.ts). */
describe('the end-to-end check for customer data in logs', () => {
  const corpus = corpusPii(['tests/fixtures/bundles'])

  it('knows the corpus: names, document numbers, dates of birth, e-mails', () => {
    const values = corpus.map((v) => v.value)
    for (const v of ['ERIKSSON', 'ANNA MARIA', '林美華', 'L898902C3', 'RX123456', '1974-08-12', '19740812', 'anna.eriksson@example.com']) expect(values).toContain(v)
  })

  it('finds a leak in any host\'s log file, whole words only, any case', () => {
    const run = mkdtempSync(join(tmpdir(), 'kyc-logpii-'))
    dirs.push(run)
    mkdirSync(join(run, 'host-a', 'logs'), { recursive: true })
    mkdirSync(join(run, 'host-b', 'logs'), { recursive: true })
    writeFileSync(join(run, 'host-a', 'logs', 'kyc-desk.log'), 'INFO api cases:list ok {"search":"eriksson"}\nINFO line with a pipeline\n')
    writeFileSync(join(run, 'host-b', 'logs', 'kyc-desk.1.log'), 'ERROR failed for l898902c3 born 1974-08-12\n')
    const scan = findPiiInLogs(run, corpus)
    expect(scan.hosts).toBe(2)
    expect(scan.logFiles).toBe(2)
    expect(scan.leaks.map((l) => l.value).sort()).toEqual(['1974-08-12', 'ERIKSSON', 'L898902C3'])
  })

  it('passes the same lines once the logger has redacted them', () => {
    const run = mkdtempSync(join(tmpdir(), 'kyc-logpii-'))
    dirs.push(run)
    const known = knownPii(['ANNA MARIA ERIKSSON', 'MARIA POPESCU', 'MEI-HUA LIN', '林美華'], ['L898902C3', 'RX123456', 'G00000000'])
    const logger = createLogger({ dir: join(run, 'host', 'logs'), known: () => known })
    logger.info('api cases:list ok {"search":"eriksson"}')
    logger.error('failed for l898902c3 born 1974-08-12, mail anna.eriksson@example.com, 林美華, Maria Popescu', new Error('RX123456'))
    expect(findPiiInLogs(run, corpus).leaks).toEqual([])
  })
})
