import { describe, expect, it } from 'vitest'
import { Rng } from '../../../../src/main/demo/prng'
import { typo } from '../../../../src/main/demo/scenarios'

/** How names are compared (docs/analysis/identity-data.md): case, accents, spaces and hyphens folded. */
const folded = (v: string) => v.normalize('NFD').replace(/\p{M}/gu, '').replace(/[^\p{L}]/gu, '').toLowerCase()

describe('the demo name typo (IDENTITY_DATA_MISMATCH/NAME)', () => {
  it('always changes the letters, never only where a hyphen or space sits', () => {
    const names = ['Chia-Hao', 'Mei-Hua', 'Jean-Luc', 'María José', "O'Neill", 'Yi-Chun', 'Jürgen', 'Li']
    for (const name of names) {
      for (let seed = 0; seed < 300; seed++) {
        const out = typo(name, new Rng(`typo:${name}:${seed}`))
        expect(folded(out), `${name} → ${out} (seed ${seed})`).not.toBe(folded(name))
      }
    }
  })
})
