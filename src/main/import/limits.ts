/**
 * Import limits: what the importer refuses to read or flags, to stay safe against hostile
 * bundles. These are not analysis thresholds (those live in resources/analysis-settings.json):
 * they decide whether and how much of a file is read at all. docs/case-bundle.md lists them for
 * users and platform integrators; change both together.
 */

const KiB = 1024
const MiB = 1024 * KiB
const GiB = 1024 * MiB

/** The contract (shared/spec/case-bundle.md) caps case.json at 1 MiB; real ones are 1–20 KiB. */
export const MAX_CASE_JSON_BYTES = 1 * MiB

/**
 * One named image, in bytes. Phone photos are 2–12 MB (JPEG/HEIC), 50-MP sensors ~25 MB, and
 * verification platforms cap uploads at 10–20 MB, so 32 MiB leaves headroom. A larger file is
 * flagged 'too-large' (its first bytes are read to say what it is), never read whole.
 */
export const MAX_IMAGE_BYTES = 32 * MiB

/**
 * One named image, in pixels, read from its header without decoding. Decoding costs 4 bytes a
 * pixel (400 MB at this limit). Equal to the preview decoder's guard (store/previews.ts), so
 * every image that passes here can be previewed; a 50-MP phone photo passes, a 20000×20000
 * header (400 MP, a classic decompression bomb) is flagged 'too-large'.
 */
export const MAX_IMAGE_PIXELS = 100_000_000

/**
 * All named files of one case together, as read into memory. The schema allows 20 documents
 * and 20 selfies (40 × 32 MiB = 1.25 GiB); real cases hold 2–5 files under 60 MB. Beyond this
 * the case is rejected ('too-large'): holding more would starve the analysis of memory.
 */
export const MAX_CASE_FILES_BYTES = 256 * MiB

/** Bytes read from a flagged too-large file: enough to recognise its type (≤ 12 bytes needed). */
export const SNIFF_HEAD_BYTES = 64 * KiB

/**
 * Entries in one zip. A platform export of 2,000 cases × (folder + case.json + 3 images) is
 * 10,000 entries; twice that is allowed. Scanning a central directory costs 0.18–0.27 ms an
 * entry (3.6–5.4 s at this limit on 2 shared cores, tests/bench/import.bench.ts); millions of
 * tiny entries are a known way to exhaust memory and time before any byte is decompressed.
 */
export const MAX_ZIP_ENTRIES = 20_000

/**
 * One zip entry's declared uncompressed size. Nothing legitimate in a case bundle comes close
 * (images are flagged from 32 MiB); a multi-GiB entry is a bomb even if we never read it.
 */
export const MAX_ZIP_ENTRY_BYTES = 512 * MiB

/** All entries of one zip together, declared: ~800 cases of 10 MB. Split larger exports. */
export const MAX_ZIP_TOTAL_BYTES = 8 * GiB

/**
 * Uncompressed ÷ compressed size of one entry. JPEG/PNG/WebP/HEIC are already compressed
 * (ratio 1.0–1.1 in zips), JSON reaches 5–20; deflate's ceiling is ~1030, which only runs of
 * identical bytes reach: the signature of a zip bomb.
 */
export const MAX_COMPRESSION_RATIO = 100

/** The ratio is judged only on entries at least this large: a 1 MiB case.json of spaces is harmless. */
export const COMPRESSION_RATIO_MIN_BYTES = 1 * MiB

/** Entry names longer than this (in bytes) are refused; real ones are under 100. */
export const MAX_ENTRY_NAME_BYTES = 1024

/** Errors reported per rejected bundle; a hostile zip with 20,000 bad names gets a summary line. */
export const MAX_REPORTED_ERRORS = 50

/** A rejected original larger than this is not copied into quarantine (its path is recorded). */
export const MAX_QUARANTINE_COPY_BYTES = 256 * MiB
