import { rmSync } from 'node:fs'
import { corpusPii, findPiiInLogs, type PiiValue } from '../helpers/log-pii'
import { E2E_UNLOCK_PASSPHRASES, TEST_PASSPHRASE } from '../helpers/keys'

/**
 * After the whole suite: the log files of every web host's data dir must contain none of the
 * names, document numbers, dates of birth or e-mail addresses of the cases the suite imported
 * (issue 9), nor any passphrase the suite used. A run whose hosts wrote no log at all fails too: then nothing was checked.
 */
export default function globalTeardown(): void {
  const run = process.env.KYC_E2E_RUN_DIR
  if (!run) return
  const secrets: PiiValue[] = [TEST_PASSPHRASE, ...Object.values(E2E_UNLOCK_PASSPHRASES)].map((value) => ({ kind: 'passphrase', value }))
  const result = findPiiInLogs(run, [...corpusPii(['tests/fixtures/bundles', 'tests/fixtures/e2e-bundles']), ...secrets])
  if (result.hosts > 0 && result.logFiles === 0) throw new Error(`No web host of this run wrote a log under ${run}: the PII check of the logs had nothing to read.`)
  if (result.leaks.length > 0) {
    throw new Error(`Customer data in the logs (kept for inspection in ${run}):\n${result.leaks.map((l) => `  ${l.file}: ${l.kind} "${l.value}" — ${l.line}`).join('\n')}`)
  }
  rmSync(run, { recursive: true, force: true })
}
