import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * One folder for every web host data dir of this run (fixtures.ts, and the specs that start
 * their own hosts), so the teardown can read all their logs. Workers inherit the variable.
 */
export default function globalSetup(): void {
  process.env.KYC_E2E_RUN_DIR = mkdtempSync(join(tmpdir(), 'kyc-e2e-run-'))
}
