import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { discoverBundles } from '../../../../src/main/import'
import { expectOk, expectRejected, readAll, readOne, rules, scratch, validCaseJson, validFiles, writeFolder, writeZip, zipEntries } from './helpers/bundles'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = scratch()))
afterEach(() => cleanup())

const caseFiles = (caseId: string, changes: Parameters<typeof validFiles>[0] = {}) =>
  validFiles({ 'case.json': { ...validCaseJson(), caseId }, ...changes })

const summary = (results: Awaited<ReturnType<typeof readAll>>) =>
  results.map((r) => (r.ok ? `${r.sourceLabel.slice(dir.length + 1)} ok ${r.bundle.caseId}` : `${r.sourceLabel.slice(dir.length + 1)} rejected ${r.errors.map((e) => e.rule).join(',')}`))

describe('discoverBundles', () => {
  it('imports a folder of case folders and zips, a zip of many case folders, each case on its own', async () => {
    const root = join(dir, 'export')
    writeFolder(join(root, 'a-folder'), caseFiles('A'))
    writeZip(join(root, 'b-single.zip'), zipEntries(caseFiles('B')))
    writeZip(join(root, 'c-many.zip'), [...zipEntries(caseFiles('C1'), 'c1/'), ...zipEntries(caseFiles('C2'), 'c2/')])
    writeFileSync(join(root, 'manifest.csv'), 'caseId\nA\nB\n')
    writeFileSync(join(root, '.DS_Store'), 'litter')
    expect(summary(await readAll([root]))).toEqual([
      'export/a-folder ok A',
      'export/b-single.zip ok B',
      'export/c-many.zip!/c1 ok C1',
      'export/c-many.zip!/c2 ok C2',
    ])
  })

  it('does not let one bad case stop the others', async () => {
    const root = join(dir, 'export')
    writeFolder(join(root, '1-good'), caseFiles('G1'))
    writeFolder(join(root, '2-bad-json'), caseFiles('X', { 'case.json': '{ not json' }))
    writeZip(join(root, '3-hostile.zip'), [...zipEntries(caseFiles('H')), { name: '../evil', data: 'x' }])
    writeZip(join(root, '4-mixed.zip'), [...zipEntries(caseFiles('M1'), 'm1/'), ...zipEntries(caseFiles('M2', { 'case.json': { schema: 'kyc-case/9' } }), 'm2/'), ...zipEntries(caseFiles('M3'), 'm3/')])
    writeFolder(join(root, '5-good'), caseFiles('G5', { 'selfie.png': null }))
    writeFileSync(join(root, '6-broken.zip'), 'this is not a zip')
    writeFolder(join(root, '7-no-case-json'), new Map([['photo.jpg', Buffer.from('x')]]))
    expect(summary(await readAll([root]))).toEqual([
      'export/1-good ok G1',
      'export/2-bad-json rejected invalid-json',
      'export/3-hostile.zip rejected unsafe-path',
      'export/4-mixed.zip!/m1 ok M1',
      expect.stringMatching(/^export\/4-mixed\.zip!\/m2 rejected schema-version/),
      'export/4-mixed.zip!/m3 ok M3',
      'export/5-good ok G5',
      'export/6-broken.zip rejected not-a-zip',
      'export/7-no-case-json rejected no-case-json',
    ])
  })

  it('reads several paths in the order given', async () => {
    const a = writeFolder(join(dir, 'a'), caseFiles('A'))
    const b = writeZip(join(dir, 'b.zip'), zipEntries(caseFiles('B')))
    expect(summary(await readAll([b, a]))).toEqual(['b.zip ok B', 'a ok A'])
  })

  it('accepts the path of case.json itself', async () => {
    writeFolder(join(dir, 'case'), caseFiles('A'))
    expect(expectOk(await readOne(join(dir, 'case', 'case.json'))).bundle.caseId).toBe('A')
  })

  it('rejects, not throws, for a path that does not exist', async () => {
    const result = expectRejected(await readOne(join(dir, 'nope')))
    expect(result.errors[0]).toMatchObject({ rule: 'not-found', message: `${join(dir, 'nope')} does not exist.` })
  })

  it('rejects a file that is neither a zip nor case.json', async () => {
    writeFileSync(join(dir, 'notes.txt'), 'hello')
    expect(rules(await readOne(join(dir, 'notes.txt')))).toEqual(['not-a-bundle'])
  })

  it('rejects an empty folder', async () => {
    mkdirSync(join(dir, 'empty'))
    expect(rules(await readOne(join(dir, 'empty')))).toEqual(['not-a-bundle'])
  })

  it('rejects a zip with nothing but files', async () => {
    const zip = writeZip(join(dir, 'flat.zip'), [{ name: 'photo.jpg', data: 'x' }])
    expect(expectRejected(await readOne(zip)).errors[0]).toMatchObject({ rule: 'no-case-json', file: 'flat.zip' })
  })

  it('rejects a zip without case.json at its root or one level down', async () => {
    const zip = writeZip(join(dir, 'deep.zip'), zipEntries(caseFiles('A'), 'exports/2026/a/'))
    const result = expectRejected(await readOne(zip))
    expect(result.errors[0]).toMatchObject({ rule: 'no-case-json', file: 'deep.zip!/exports/', message: expect.stringMatching(/one level deep only/) })
  })

  it('reports a folder in a zip of many that lacks case.json, and reads the rest', async () => {
    const zip = writeZip(join(dir, 'many.zip'), [...zipEntries(caseFiles('A'), 'a/'), { name: 'b/photo.jpg', data: 'x' }, { name: '__MACOSX/a/._case.json', data: 'x' }])
    expect(summary(await readAll([zip]))).toEqual(['many.zip!/a ok A', 'many.zip!/b rejected no-case-json'])
  })

  it('does not follow symbolic links inside a folder of bundles', async () => {
    const target = writeFolder(join(dir, 'elsewhere'), caseFiles('A'))
    const root = join(dir, 'export')
    mkdirSync(root)
    symlinkSync(target, join(root, 'linked'))
    expect(rules(await readOne(root))).toEqual(['symlink'])
  })

  it('yields sources lazily, one at a time', async () => {
    const root = join(dir, 'export')
    for (const id of ['A', 'B', 'C']) writeFolder(join(root, id), caseFiles(id))
    const iterator = discoverBundles([root])[Symbol.asyncIterator]()
    const first = await iterator.next()
    expect(first.value).toMatchObject({ kind: 'folder', label: join(root, 'A') })
    await iterator.return?.()
  })
})

describe('symbolic links in a case folder', () => {
  it('refuses a named image that links outside the case folder', async () => {
    const secret = join(dir, 'secret.key')
    writeFileSync(secret, 'PRIVATE KEY')
    const folder = writeFolder(join(dir, 'case'), caseFiles('A', { 'selfie.png': null }))
    symlinkSync(secret, join(folder, 'selfie.png'))
    const result = expectRejected(await readOne(folder))
    expect(result.errors).toEqual([expect.objectContaining({ file: 'selfie.png', rule: 'symlink' })])
    expect(result.errors[0].message).toMatch(/leading outside the case folder/)
  })

  it('refuses a sub-folder that links outside', async () => {
    mkdirSync(join(dir, 'outside'))
    writeFileSync(join(dir, 'outside', 'selfie.png'), validFiles().get('selfie.png')!)
    const caseJson = { ...validCaseJson(), selfies: [{ file: 'photos/selfie.png' }] }
    const folder = writeFolder(join(dir, 'case'), caseFiles('A', { 'case.json': caseJson }))
    symlinkSync(join(dir, 'outside'), join(folder, 'photos'))
    expect(rules(await readOne(folder))).toEqual(['symlink'])
  })

  it('refuses case.json linking outside the folder', async () => {
    const elsewhere = writeFolder(join(dir, 'elsewhere'), caseFiles('A'))
    const folder = writeFolder(join(dir, 'case'), caseFiles('A', { 'case.json': null }))
    symlinkSync(join(elsewhere, 'case.json'), join(folder, 'case.json'))
    expect(rules(await readOne(folder))).toEqual(['symlink'])
  })

  it('follows a link that stays inside the case folder', async () => {
    const folder = writeFolder(join(dir, 'case'), caseFiles('A', { 'selfie.png': null, 'originals/selfie.png': validFiles().get('selfie.png')! }))
    symlinkSync('originals/selfie.png', join(folder, 'selfie.png'))
    const result = expectOk(await readOne(folder))
    expect(result.files[1]).toMatchObject({ name: 'selfie.png', sniffed: 'png' })
    expect(result.files[1].problem).toBeUndefined()
  })

  it('flags a named path that is a folder as missing', async () => {
    const folder = writeFolder(join(dir, 'case'), caseFiles('A', { 'selfie.png': null }))
    mkdirSync(join(folder, 'selfie.png'))
    expect(expectOk(await readOne(folder)).files[1]).toMatchObject({ problem: 'missing', problemDetail: expect.stringMatching(/folder/) })
  })
})
