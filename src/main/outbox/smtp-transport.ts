import nodemailer from 'nodemailer'
import type { SmtpSettings } from '../../shared/domain/outbox'
import type { mailOptions } from './message'

export type MailMessage = ReturnType<typeof mailOptions>

/** What the delivery loop needs from a mail transport (nodemailer SMTP in the app, fakes never). */
export interface MailTransport {
  send(message: MailMessage): Promise<{ response: string }>
  verify(): Promise<void>
  close(): void
}

/**
 * Timeouts bound one send (see RetryPolicy.leaseMs): a server that accepts the connection and then
 * says nothing must not hold a reply in 'sending' forever.
 */
export const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 } as const

export function smtpTransport(settings: SmtpSettings, password: string | null): MailTransport {
  const transporter = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    // tls: implicit TLS from the first byte (465). starttls: the upgrade is required, never skipped.
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    ...(settings.user ? { auth: { user: settings.user, pass: password ?? '' } } : {}),
    ...SMTP_TIMEOUTS,
  })
  return {
    async send(message) {
      const info = await transporter.sendMail(message)
      return { response: String(info.response ?? '250') }
    },
    async verify() {
      await transporter.verify()
    },
    close: () => transporter.close(),
  }
}
