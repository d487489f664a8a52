import { CAUSES, type Cause } from '../../shared/domain/causes'
import type { Rng } from './prng'

/**
 * Which bundles the corpus holds: every cause at least max(2, ⌈N/20⌉) times (fewer only when N
 * is too small to fit), ~15 % clean cases the vendor failed anyway, a few realistic two-cause
 * combinations, a few second attempts that fixed the first problem, and the rest spread over the
 * causes by how often they occur in practice.
 */

/** Our variants per cause: how the case is made (see scenarios.ts). */
export const VARIANTS: Record<Cause, readonly string[]> = {
  IDENTITY_DATA_MISMATCH: ['NAME', 'NAME_SWAPPED', 'DATE_OF_BIRTH', 'DOCUMENT_NUMBER', 'NATIONALITY', 'UNDERAGE'],
  DOCUMENT_EXPIRED: ['EXPIRED', 'EXPIRES_SOON'],
  DOCUMENT_QUALITY: ['BLURRY', 'GLARE', 'TOO_DARK', 'OVEREXPOSED', 'LOW_RESOLUTION', 'CROPPED', 'BLACK_AND_WHITE'],
  DOCUMENT_FILE_INVALID: ['TRUNCATED', 'ZERO_BYTES', 'PDF_AS_JPG', 'TEXT_AS_JPG', 'EDITED'],
  DOCUMENT_INCOMPLETE: ['BACK_SIDE_MISSING', 'NO_DOCUMENT'],
  FACE_CAPTURE_FAILED: ['TOO_DARK', 'BACKLIT', 'BLURRY', 'FACE_TOO_SMALL', 'POSE', 'MULTIPLE_FACES', 'NO_FACE', 'LOW_CAMERA_RESOLUTION', 'MULTIPLE_FACES_GROUP', 'OVEREXPOSED'],
  FACE_MISMATCH: ['LOW_SIMILARITY'],
  ACCOUNT_SECURITY_RISK: ['IMPOSSIBLE_TRAVEL', 'FAILED_LOGINS', 'NEW_DEVICE'],
  DUPLICATE_IDENTITY: ['SAME_DOCUMENT_NUMBER'],
  UPLOAD_NETWORK_FAILURE: ['REPEATED_RETRIES', 'INCOMPLETE_UPLOAD'],
  CLIENT_UNSUPPORTED: ['CHROME_70', 'IOS_12', 'IE_11', 'ANDROID_7_WEBVIEW', 'OUTDATED_CLIENT'],
  REVIEW_BACKLOG: ['PENDING_OVER_SLA'],
}

export type VariantId = `${Cause}/${string}`

/** Two problems that really come together. */
export const COMBOS: readonly (readonly VariantId[])[] = [
  ['FACE_CAPTURE_FAILED/TOO_DARK', 'UPLOAD_NETWORK_FAILURE/REPEATED_RETRIES'],
  ['DOCUMENT_QUALITY/GLARE', 'IDENTITY_DATA_MISMATCH/NAME'],
  ['CLIENT_UNSUPPORTED/ANDROID_7_WEBVIEW', 'FACE_CAPTURE_FAILED/LOW_CAMERA_RESOLUTION'],
  ['ACCOUNT_SECURITY_RISK/NEW_DEVICE', 'FACE_MISMATCH/LOW_SIMILARITY'],
  ['DOCUMENT_EXPIRED/EXPIRED', 'DOCUMENT_QUALITY/BLURRY'],
  ['FACE_CAPTURE_FAILED/BACKLIT', 'DOCUMENT_QUALITY/OVEREXPOSED'],
]

/** How often each cause turns up beyond its quota (relative weights). */
const EXTRA_WEIGHTS: readonly (readonly [Cause, number])[] = [
  ['DOCUMENT_QUALITY', 4],
  ['FACE_CAPTURE_FAILED', 4],
  ['IDENTITY_DATA_MISMATCH', 3],
  ['DOCUMENT_EXPIRED', 2],
  ['UPLOAD_NETWORK_FAILURE', 2],
  ['DOCUMENT_FILE_INVALID', 1],
  ['DOCUMENT_INCOMPLETE', 1],
  ['FACE_MISMATCH', 1],
  ['CLIENT_UNSUPPORTED', 1],
  ['ACCOUNT_SECURITY_RISK', 1],
  ['REVIEW_BACKLOG', 1],
]

/** Causes a customer fixes by themselves on a second attempt. */
const FIXABLE: readonly Cause[] = ['DOCUMENT_QUALITY', 'FACE_CAPTURE_FAILED', 'IDENTITY_DATA_MISMATCH', 'DOCUMENT_EXPIRED', 'UPLOAD_NETWORK_FAILURE', 'DOCUMENT_FILE_INVALID']

export type Slot =
  | { kind: 'problem'; variants: VariantId[] }
  | { kind: 'clean' }
  /** A second attempt of slot `of` (same caseId and account) with its problem fixed. */
  | { kind: 'attempt2'; of: number }
  /** The same document on another account as slot `host`, submitted later. */
  | { kind: 'duplicate'; host: number }

export interface Plan {
  slots: Slot[]
  quota: number
}

export function planCorpus(count: number, rng: Rng): Plan {
  const n = Math.max(1, Math.floor(count))
  const causes = [...CAUSES]
  let quota = Math.max(2, Math.ceil(n / 20))
  let clean = Math.round(n * 0.15)
  // Small corpora: keep the clean share, lower the quota to 1, then cover as many causes as fit.
  while (quota > 1 && causes.length * quota + clean > n) quota--
  if (causes.length * quota + clean > n) clean = Math.max(0, n - causes.length * quota)
  const coveredCauses = causes.slice(0, Math.min(causes.length, n - clean))

  // Round-robin over each cause's variants from a seeded start, so small corpora vary by seed.
  const cursor = new Map<Cause, number>(causes.map((c) => [c, rng.int(0, VARIANTS[c].length - 1)]))
  const nextVariant = (cause: Cause): VariantId => {
    const list = VARIANTS[cause]
    const i = cursor.get(cause)!
    cursor.set(cause, i + 1)
    return `${cause}/${list[i % list.length]}`
  }

  const slots: Slot[] = []
  const problemSlot = (cause: Cause): Slot => ({ kind: 'problem', variants: [nextVariant(cause)] })
  for (let i = 0; i < clean; i++) slots.push({ kind: 'clean' })
  for (const cause of coveredCauses) {
    for (let i = 0; i < quota; i++) {
      if (cause === 'DUPLICATE_IDENTITY') slots.push({ kind: 'duplicate', host: -1 })
      else slots.push(problemSlot(cause))
    }
  }
  let remaining = n - slots.length
  if (remaining > 0 && n >= 30) {
    const combos = Math.min(remaining, Math.max(1, Math.round(n * 0.07)))
    const start = rng.int(0, COMBOS.length - 1)
    for (let i = 0; i < combos; i++) slots.push({ kind: 'problem', variants: [...COMBOS[(start + i) % COMBOS.length]] })
    remaining -= combos
  }
  if (remaining > 0) {
    const seconds = Math.min(remaining, Math.max(1, Math.round(n * 0.05)))
    const firsts = slots
      .map((s, i) => [s, i] as const)
      .filter(([s]) => s.kind === 'problem' && s.variants.length === 1 && FIXABLE.includes(s.variants[0].split('/')[0] as Cause) && s.variants[0] !== 'IDENTITY_DATA_MISMATCH/UNDERAGE')
      .map(([, i]) => i)
    for (const of of rng.shuffle(firsts).slice(0, seconds)) {
      slots.push({ kind: 'attempt2', of })
      remaining--
    }
  }
  for (; remaining > 0; remaining--) slots.push(problemSlot(rng.weighted(EXTRA_WEIGHTS)))

  // Each duplicate needs an earlier case with the same document: a clean case, else any
  // single-problem case whose document is intact and typed correctly.
  const hostable = (s: Slot): boolean =>
    s.kind === 'clean' ||
    (s.kind === 'problem' && s.variants.length === 1 && /^(FACE_CAPTURE_FAILED|CLIENT_UNSUPPORTED|UPLOAD_NETWORK_FAILURE\/REPEATED)/.test(s.variants[0]))
  const used = new Set<number>(slots.flatMap((s) => (s.kind === 'attempt2' ? [s.of] : [])))
  slots.forEach((s, i) => {
    if (s.kind !== 'duplicate') return
    const host = slots.findIndex((h, j) => !used.has(j) && hostable(h) && j !== i)
    if (host >= 0) {
      used.add(host)
      s.host = host
    } else {
      slots[i] = problemSlot('FACE_CAPTURE_FAILED')
    }
  })
  return { slots, quota }
}
