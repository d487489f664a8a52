import { createInterface } from 'node:readline'
import { Writable } from 'node:stream'

/** Whether someone can answer a question: stdin and stderr are both a terminal. */
export function canPrompt(): boolean {
  return Boolean(process.stdin.isTTY && process.stderr.isTTY)
}

/**
 * Asks on the terminal without echoing what is typed (a passphrase). The question goes to
 * stderr, so stdout stays machine-readable.
 */
export function promptHidden(question: string): Promise<string> {
  process.stderr.write(question)
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() })
  const rl = createInterface({ input: process.stdin, output: silent, terminal: true })
  return new Promise((resolve, reject) => {
    rl.on('SIGINT', () => {
      rl.close()
      process.stderr.write('\n')
      reject(new Error('cancelled'))
    })
    rl.question('', (answer) => {
      rl.close()
      process.stderr.write('\n')
      resolve(answer)
    })
  })
}
