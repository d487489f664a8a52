import { createHash } from 'node:crypto'
import MailComposer from 'nodemailer/lib/mail-composer'
import type { OutboxEntry, SmtpSettings } from '../../shared/domain/outbox'

export const MESSAGE_ID_DOMAIN = 'kyc-desk.local'

/**
 * The Message-ID of a reply, fixed when it is queued and sent unchanged on every try, so a
 * receiving system that sees it twice (a resend after a crash) can drop the copy. The install id
 * (random per database) keeps two desks with the same outbox ids and case ids apart.
 */
export function replyMessageId(outboxId: number, caseId: string, installId: string): string {
  const caseTag = caseId.replace(/[^A-Za-z0-9.-]/g, '-').slice(0, 64) || createHash('sha256').update(caseId).digest('hex').slice(0, 16)
  return `<reply-${outboxId}-${caseTag}.${installId}@${MESSAGE_ID_DOMAIN}>`
}

/** A Message-ID from a bundle or a mail client: angle brackets, one token, no spaces. */
export function normaliseMessageId(raw: unknown): string | null {
  if (typeof raw !== 'string') return null
  const s = raw.trim()
  const bare = s.startsWith('<') && s.endsWith('>') ? s.slice(1, -1) : s
  return /^[^\s<>@]+@[^\s<>@]+$/.test(bare) ? `<${bare}>` : null
}

/** The nodemailer message for an outbox row: the same headers over SMTP and in a saved .eml. */
export function mailOptions(entry: OutboxEntry, settings: Pick<SmtpSettings, 'fromAddress' | 'fromName'>, date?: Date) {
  return {
    from: settings.fromName ? { name: settings.fromName, address: settings.fromAddress } : settings.fromAddress,
    to: entry.to,
    subject: entry.subject,
    text: entry.body,
    messageId: entry.messageId,
    ...(entry.inReplyTo ? { inReplyTo: entry.inReplyTo } : {}),
    ...(entry.references.length ? { references: entry.references } : {}),
    ...(date ? { date } : {}),
    headers: { 'X-KYC-Case': entry.casePlatformId },
    // Chinese text stays readable in any client: UTF-8, encoded by nodemailer as needed.
    textEncoding: 'base64' as const,
  }
}

/** The reply as an RFC 822 message (.eml), dated when it was queued, for help-desk tools. */
export async function buildEml(entry: OutboxEntry, settings: Pick<SmtpSettings, 'fromAddress' | 'fromName'>): Promise<Buffer> {
  return new MailComposer(mailOptions(entry, settings, new Date(entry.sentAt ?? entry.createdAt))).compile().build()
}
