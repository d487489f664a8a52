import type { Entry } from 'yauzl'
import type { CaseBundle } from '../../shared/domain/case-bundle'
import type { SniffedType } from '../analysis/image-type'

/**
 * Machine ids of the reasons a bundle is rejected. Stable: stored with quarantined bundles and
 * shown next to the message.
 */
export type RejectRule =
  | 'not-found' // the path does not exist
  | 'not-a-bundle' // neither a case folder, a zip, nor a folder of them
  | 'not-a-zip' // named .zip but its bytes are not a zip
  | 'no-case-json' // a folder or zip without case.json where one was expected
  | 'invalid-json' // case.json is not UTF-8 JSON
  | 'missing-field' // a required field of case.json is absent
  | 'schema-version' // "schema" is not kyc-case/1
  | 'schema' // a field has the wrong type or value
  | 'unsafe-path' // a path in case.json or a zip entry name that could escape the bundle
  | 'symlink' // a symbolic link (in a zip, or leading out of a case folder)
  | 'special-file' // a zip entry or folder item that is neither a file nor a folder
  | 'duplicate-entry' // two zip entries with the same name
  | 'too-large' // case.json over 1 MiB, or the case's files together over the limit
  | 'too-many-entries' // a zip with more entries than allowed
  | 'zip-bomb' // declared sizes, ratio or overlapping entries of a decompression bomb
  | 'corrupt-zip' // the zip structure cannot be read
  | 'unreadable' // an I/O error reading the bundle
  | 'conflict' // (set by the import service) same caseId + attempt already stored with other content

/** Why a bundle was rejected: which file, where in it, which rule, and a sentence for a human. */
export interface ReadError {
  /** 'case.json' (relative to the case folder), or 'archive.zip!/a/case.json' inside a zip. */
  file: string
  /** JSON path inside case.json, e.g. form.dateOfBirth or documents[0].file. */
  path?: string
  rule: RejectRule
  message: string
}

/**
 * Why a named file is flagged (the case is still imported: a broken upload is itself a cause
 * to diagnose). 'unreadable' = present but its bytes could not be extracted (encrypted or
 * corrupt zip entry, I/O error).
 */
export type FileProblem = 'missing' | 'empty' | 'not-an-image' | 'too-large' | 'unreadable'

export interface BundleFileRead {
  /** The path as written in case.json. */
  name: string
  role: 'document' | 'selfie'
  side?: 'front' | 'back' | 'single'
  /** The whole file; null when missing, unreadable or over the byte limit (never read whole). */
  bytes: Buffer | null
  problem?: FileProblem
  /** A sentence for the agent when there is a problem. */
  problemDetail?: string
  /** What the bytes are (of the first bytes for a too-large file). 'empty' when there are none. */
  sniffed: SniffedType
  /** Size in bytes as found on disk / declared in the zip (also for files not read whole). */
  size?: number
  /** From the image header, when it could be read without decoding. */
  width?: number
  height?: number
}

/** A zip's validated central directory: entry name → entry. */
export interface ZipIndex {
  zipPath: string
  /** The zip's file name, used in error locations ('batch.zip!/a/case.json'). */
  displayName: string
  size: number
  mtimeMs: number
  entries: Map<string, Entry>
}

/** Something discoverBundles found: a case to read, or a path that cannot be one (with why). */
export type BundleSource =
  | { kind: 'folder'; label: string; dir: string }
  | {
      kind: 'zip'
      label: string
      /** '' for a case at the zip's root, else the case folder's entry prefix ('case-a/'). */
      root: string
      zip: ZipIndex
    }
  | {
      kind: 'unusable'
      label: string
      /** The file that was refused (a hostile zip), copied into quarantine as evidence. */
      original?: string
      errors: ReadError[]
    }

export interface ReadOk {
  ok: true
  source: BundleSource
  sourceLabel: string
  bundle: CaseBundle
  /** case.json as found (UTF-8 BOM removed), unknown fields included: what is stored. */
  caseJsonText: string
  /** One row per file named in case.json: documents first, then selfies, in their order. */
  files: BundleFileRead[]
}

export interface ReadRejected {
  ok: false
  source: BundleSource
  sourceLabel: string
  errors: ReadError[]
}

export type ReadResult = ReadOk | ReadRejected
