import { UnlockedKeys } from '../../src/main/keys/data-keys'
import { unlockDataDir } from '../../src/main/keys/unlock'

/**
 * The passphrase tests give the web host and the command line through KYC_DESK_KEY. Test-only:
 * nothing real is ever locked with it.
 */
export const TEST_PASSPHRASE = 'kyc-desk test passphrase, never a real one'

/** The passphrases the unlock e2e test types (right, changed, wrong): none may reach a log. */
export const E2E_UNLOCK_PASSPHRASES = { first: 'e2e unlock passphrase 7', changed: 'e2e changed passphrase 8', wrong: 'not the passphrase at all' } as const

/** A new random data key in memory, for tests that open services on a data dir of their own. */
export function freshKeys(): UnlockedKeys {
  return UnlockedKeys.generate()
}

/**
 * The keys of a data dir exactly as `kyc-desk import` gets them without KYC_DESK_KEY: a user
 * key file in the test's own config folder (tests/helpers/isolated-config-home.ts), so a test can
 * open services in-process on a data dir the command line also uses.
 */
export async function cliKeys(dataDir: string): Promise<UnlockedKeys> {
  return (await unlockDataDir(dataDir, { env: {}, allowUserKey: true })).keys
}

/** The keys of a data dir locked by TEST_PASSPHRASE, as the web host opens it with KYC_DESK_KEY. */
export async function passphraseKeys(dataDir: string): Promise<UnlockedKeys> {
  return (await unlockDataDir(dataDir, { env: { KYC_DESK_KEY: TEST_PASSPHRASE } })).keys
}
