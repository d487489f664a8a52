import { describe, expect, it } from 'vitest'
import { matchHanName, splitHanName } from '../../../../../src/main/analysis/identity-data/chinese-name'
import { syllableSpellings, tongyong, wadeGiles } from '../../../../../src/main/analysis/identity-data/romanise-syllable'

describe('romanisation of Mandarin syllables', () => {
  it.each([
    ['zhang', 'CHANG'], ['xu', 'HSU'], ['cai', 'TSAI'], ['xie', 'HSIEH'], ['guo', 'KUO'], ['zhong', 'CHUNG'],
    ['qiu', 'CHIU'], ['jian', 'CHIEN'], ['zi', 'TZU'], ['shi', 'SHIH'], ['rong', 'JUNG'], ['xiong', 'HSIUNG'],
    ['luo', 'LO'], ['ke', 'KO'], ['gui', 'KUEI'], ['jue', 'CHUEH'], ['lü', 'LU'], ['ye', 'YEH'], ['zeng', 'TSENG'],
  ])('Wade-Giles of %s is %s', (py, wg) => {
    expect(wadeGiles(py)).toBe(wg)
  })

  it.each([['zhang', 'JHANG'], ['xie', 'SIE'], ['qiu', 'CIOU'], ['feng', 'FONG'], ['zhi', 'JHIH'], ['lü', 'LYU']])('Tongyong of %s is %s', (py, ty) => {
    expect(tongyong(py)).toBe(ty)
  })

  it('writes ü as YU, V or U as mainland documents have', () => {
    expect(syllableSpellings('lü')).toEqual(expect.arrayContaining(['LYU', 'LV', 'LU']))
  })
})

describe('matchHanName', () => {
  it('reads 林美華 as LIN MEIHUA and gives its pinyin', () => {
    expect(matchHanName('林美華', 'LIN', 'MEIHUA')).toEqual({ pinyin: 'lin mei hua', surname: '林', given: '美華', surnameMatches: true, givenMatches: true })
  })

  it('accepts Wade-Giles, Tongyong, simplified characters and any reading of a character', () => {
    expect(matchHanName('張志明', 'CHANG', 'CHIHMING')).toMatchObject({ surnameMatches: true, givenMatches: true })
    expect(matchHanName('张志明', 'JHANG', 'JHIHMING')).toMatchObject({ surnameMatches: true, givenMatches: true })
    expect(matchHanName('曾國藩', 'ZENG', 'GUOFAN')).toMatchObject({ surnameMatches: true, givenMatches: true })
  })

  it('accepts Cantonese and Hokkien surname spellings from the table, not for given names', () => {
    expect(matchHanName('陳大文', 'CHAN', 'DAWEN')).toMatchObject({ surnameMatches: true, givenMatches: true })
    expect(matchHanName('林志强', 'LIM', 'ZHIQIANG')).toMatchObject({ surnameMatches: true })
    expect(matchHanName('陳大文', 'CHAN', 'TAIMAN')).toMatchObject({ surnameMatches: true, givenMatches: false })
  })

  it('keeps two-character family names together', () => {
    expect(splitHanName('歐陽娜娜')).toEqual({ surname: '歐陽', given: '娜娜' })
    expect(matchHanName('歐陽娜娜', 'OUYANG', 'NANA')).toMatchObject({ surnameMatches: true, givenMatches: true })
    expect(matchHanName('司徒華', 'SZETO', 'HUA')).toMatchObject({ surnameMatches: true, givenMatches: true })
  })

  it('rejects a different name, and text that is not Han characters', () => {
    expect(matchHanName('王小明', 'LIN', 'MEIHUA')).toMatchObject({ surnameMatches: false, givenMatches: false })
    expect(matchHanName('Lin Mei-hua', 'LIN', 'MEIHUA')).toBeNull()
  })
})
