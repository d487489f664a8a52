import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { TEST_PASSPHRASE } from './keys'

export interface HostInfo {
  url: string
  origin: string
  dataDir: string
  stop: () => Promise<void>
}

/**
 * Starts tests/web-host/server.ts in a child process and waits for its ready line. The data dir
 * is encrypted with TEST_PASSPHRASE, given through KYC_DESK_KEY (not used with --ask-passphrase).
 */
export async function startHostProcess(args: string[], env: NodeJS.ProcessEnv = {}): Promise<HostInfo> {
  const child: ChildProcess = spawn(process.execPath, ['bin/run-ts.mjs', 'tests/web-host/server.ts', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, KYC_DESK_KEY: TEST_PASSPHRASE, ...env },
  })
  let stderr = ''
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
  const info = await new Promise<Omit<HostInfo, 'stop'>>((resolve, reject) => {
    let buffer = ''
    child.stdout!.on('data', (d: Buffer) => {
      buffer += d.toString()
      const line = buffer.split('\n').find((l) => l.startsWith('KYC_WEB_HOST '))
      if (line) resolve(JSON.parse(line.slice('KYC_WEB_HOST '.length)))
    })
    child.once('exit', (code) => reject(new Error(`web host exited with ${code}: ${stderr}`)))
  })
  return {
    ...info,
    stop: async () => {
      if (child.exitCode !== null) return
      child.kill('SIGTERM')
      await once(child, 'exit')
    },
  }
}
