/**
 * Test helper run as its own process: starts a key rotation (`rotate`) or the encryption of a
 * data dir from before encryption at rest (`encrypt`), unlocking as the command line does, and
 * SIGKILLs itself at the step named on the command line, as a power cut or a kill would stop it.
 *
 *   node bin/run-ts.mjs tests/unit/main/keys/stop-at.ts <rotate|encrypt> <data-dir> <database|artifact|quarantine|commit|finish> [n]
 */
import { rotateDataKey } from '../../../../src/main/keys/change-keys'
import type { ReencryptStep } from '../../../../src/main/keys/reencrypt'
import { unlockDataDir } from '../../../../src/main/keys/unlock'
import { userKeyDir } from '../../../../src/main/keys/user-key'

const [mode, dataDir, stopAt, index] = process.argv.slice(2)
const onStep = (step: ReencryptStep) => {
  if (step.step !== stopAt) return
  if ('done' in step && step.done !== Number(index ?? 0)) return
  process.kill(process.pid, 'SIGKILL')
}
if (mode === 'rotate') {
  const unlocked = await unlockDataDir(dataDir, { allowUserKey: true })
  await rotateDataKey(dataDir, unlocked, { userKeys: userKeyDir(), onStep })
} else {
  await unlockDataDir(dataDir, { allowUserKey: true, onStep })
}
process.stdout.write(`${mode} finished without being stopped\n`)
