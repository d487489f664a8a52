import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'

export interface HostInfo {
  url: string
  origin: string
  dataDir: string
  stop: () => Promise<void>
}

/** Starts tests/web-host/server.ts in a child process and waits for its ready line. */
export async function startHostProcess(args: string[]): Promise<HostInfo> {
  const child: ChildProcess = spawn(process.execPath, ['bin/run-ts.mjs', 'tests/web-host/server.ts', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
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
