import { SMTPServer } from 'smtp-server'
import { simpleParser, type ParsedMail } from 'mailparser'
import type { AddressInfo } from 'node:net'

export interface Received {
  raw: Buffer
  mail: ParsedMail
  envelopeTo: string[]
  user: string | undefined
}

/**
 * A real SMTP server on 127.0.0.1 (smtp-server, in this process): it answers each message with the
 * next scripted code (451, 552 …) and then 250, and keeps what it accepted, parsed by mailparser.
 */
export class TestSmtpServer {
  readonly received: Received[] = []
  /** Codes to answer the next messages with, in order; empty = accept. */
  readonly script: number[] = []
  /** Messages the server saw, accepted or not. */
  attempts = 0
  private server: SMTPServer | undefined
  port = 0

  constructor(private readonly credentials?: { user: string; pass: string }) {}

  async start(port = 0): Promise<this> {
    this.server = new SMTPServer({
      secure: false,
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      authOptional: !this.credentials,
      logger: false,
      onAuth: (auth, _session, cb) => {
        if (this.credentials && auth.username === this.credentials.user && auth.password === this.credentials.pass) return cb(null, { user: auth.username })
        const e = Object.assign(new Error('Authentication credentials invalid'), { responseCode: 535 })
        return cb(e)
      },
      onData: (stream, session, cb) => {
        const chunks: Buffer[] = []
        stream.on('data', (c: Buffer) => chunks.push(c))
        stream.on('end', () => {
          this.attempts++
          const code = this.script.shift()
          if (code) {
            const text = code === 451 ? 'Requested action aborted: try again later' : code === 552 ? 'Mailbox full: message rejected' : 'Rejected'
            return cb(Object.assign(new Error(text), { responseCode: code }))
          }
          const raw = Buffer.concat(chunks)
          simpleParser(raw).then((mail) => {
            this.received.push({ raw, mail, envelopeTo: session.envelope.rcptTo.map((r) => r.address), user: session.user as string | undefined })
            cb()
          }, cb)
        })
      },
    })
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject)
      this.server!.listen(port, '127.0.0.1', () => resolve())
    })
    this.port = (this.server.server.address() as AddressInfo).port
    return this
  }

  async stop(): Promise<void> {
    const server = this.server
    this.server = undefined
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()))
  }
}

export async function waitFor<T>(probe: () => T | undefined | false | null, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const value = probe()
    if (value) return value
    if (Date.now() > end) throw new Error('waitFor: timed out')
    await new Promise((r) => setTimeout(r, 20))
  }
}
