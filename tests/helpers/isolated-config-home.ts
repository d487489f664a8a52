import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'

// Unit tests (and the command lines they spawn, which inherit the environment) keep user key
// files in a folder of their own, never in the real ~/.config/kyc-desk, and never see a
// KYC_DESK_KEY from the shell that runs them.
const home = mkdtempSync(join(tmpdir(), 'kyc-config-home-'))
process.env.XDG_CONFIG_HOME = home
delete process.env.KYC_DESK_KEY
delete process.env.KYC_DESK_NEW_KEY
afterAll(() => rmSync(home, { recursive: true, force: true }))
