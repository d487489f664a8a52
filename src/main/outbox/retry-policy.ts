/**
 * When to try a reply again. SMTP says what kind of failure it is: 4xx is temporary (greylisting,
 * "mailbox busy", rate limits), 5xx permanent (no such user, message too big, policy). A failure
 * without a reply code (connection refused, timeout, TLS) is the network or the server being
 * down: temporary.
 */
export interface RetryPolicy {
  /** Delay before the second try. */
  baseMs: number
  /** Growth per try. */
  factor: number
  /** No wait is longer than this. */
  capMs: number
  /** After this many tries the reply is failed (a person looks at it). */
  maxTries: number
  /** How long a sender may hold a row in 'sending' before another start takes it back. */
  leaseMs: number
}

/**
 * 30 s, 1 min, 2 min … capped at 1 h, 24 tries: about 17 hours of trying before giving up, which
 * rides out a mail server's maintenance night; greylisting servers accept after 1–15 min.
 * The lease (5 min) is longer than the longest send nodemailer allows with our timeouts
 * (connection 30 s + greeting 30 s + socket idle 60 s, each step).
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseMs: 30_000,
  factor: 2,
  capMs: 3_600_000,
  maxTries: 24,
  leaseMs: 300_000,
}

/**
 * The wait after `tries` failed tries: capped exponential with "equal jitter" (half fixed, half
 * random), so senders that failed together (a server restart) do not all come back at once, and
 * the wait never drops below half the schedule.
 */
export function backoffMs(tries: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exp = Math.min(policy.capMs, policy.baseMs * policy.factor ** Math.max(0, tries - 1))
  return Math.round(exp / 2 + random() * (exp / 2))
}

export type Verdict =
  | { kind: 'retry'; code: number | null; answer: string }
  | { kind: 'fail'; code: number | null; answer: string }

interface SmtpErrorLike {
  responseCode?: number
  response?: string
  code?: string
  message?: string
}

/** Classifies a send error; `answer` is what the outbox shows (the server's words when it said any). */
export function classifySmtpError(error: unknown): Verdict {
  const e = (error ?? {}) as SmtpErrorLike
  const code = typeof e.responseCode === 'number' ? e.responseCode : null
  const answer = (e.response ?? e.message ?? String(error)).trim() || 'unknown error'
  if (code !== null && code >= 500) return { kind: 'fail', code, answer }
  if (code !== null && code >= 400) return { kind: 'retry', code, answer }
  // No SMTP answer: refused, reset, timed out, DNS, TLS handshake. The server may be back soon.
  return { kind: 'retry', code, answer: e.code ? `${e.code}: ${answer}` : answer }
}
