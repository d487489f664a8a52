import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createLogger, LOG_FILE, rotatedName } from '../../../../src/main/logging/logger'
import { knownPii } from '../../../../src/main/logging/redact'

const dirs: string[] = []
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'kyc-log-'))
  dirs.push(d)
  return d
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

describe('the main-process logger', () => {
  it('writes redacted lines to the file and the console, with level and time', () => {
    const dir = join(tempDir(), 'logs')
    const echoed: string[] = []
    const logger = createLogger({ dir, console: (l) => echoed.push(l), known: () => knownPii(['ANNA ERIKSSON'], ['L898902C3']) })
    logger.info('imported case for Anna Eriksson <anna.eriksson@example.com>')
    logger.log('analysis failed', new Error('MRZ P<UTOERIKSSON<<ANNA<<<<<<<<<<<<<<<<<<<<<<< has number L898902C3, born 1974-08-12'))
    const text = readFileSync(join(dir, LOG_FILE), 'utf8')
    for (const leak of ['Anna', 'ERIKSSON', 'anna.eriksson', 'L898902C3', '1974-08-12']) expect(text).not.toContain(leak)
    expect(text).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z INFO imported case for \[name\] \[name\] <\[email\]>\n/)
    expect(text).toMatch(/Z ERROR analysis failed: Error: MRZ \[mrz\] has number \[id\], born \[date\]\n +at /)
    expect(echoed).toHaveLength(2)
    expect(echoed.join('\n')).not.toContain('Eriksson')
  })

  it('rotates by size, keeping a fixed number of old files', () => {
    const dir = tempDir()
    const logger = createLogger({ dir, maxBytes: 1000, keep: 2 })
    for (let i = 0; i < 100; i++) logger.info(`line ${i} ${'x'.repeat(80)}`)
    const files = readdirSync(dir).sort()
    expect(files).toEqual([rotatedName(1), rotatedName(2), LOG_FILE].sort())
    for (const f of files) expect(statSync(join(dir, f)).size).toBeLessThanOrEqual(1000)
    // The newest lines are in the current file, the ones before in .1, older ones gone.
    expect(readFileSync(join(dir, LOG_FILE), 'utf8')).toContain('line 99 ')
    expect(readFileSync(join(dir, rotatedName(1)), 'utf8')).not.toContain('line 99 ')
    expect(readFileSync(join(dir, rotatedName(2)), 'utf8')).not.toContain('line 0 ')
  })

  it('never throws: a broken dictionary or a vanished folder only loses redaction layers or lines', () => {
    const dir = join(tempDir(), 'logs')
    const logger = createLogger({ dir, known: () => { throw new Error('database closed') } })
    expect(() => logger.error('failed for anna@example.com', new Error('x'))).not.toThrow()
    expect(readFileSync(join(dir, LOG_FILE), 'utf8')).toContain('[email]')
    rmSync(dir, { recursive: true, force: true })
    expect(() => logger.info('after the folder went')).not.toThrow()
  })
})
