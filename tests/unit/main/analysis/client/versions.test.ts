import { describe, expect, it } from 'vitest'
import { compareVersions } from '../../../../../src/main/analysis/client/versions'

describe('compareVersions', () => {
  it('orders browser, OS and client versions part by part', () => {
    expect(compareVersions('131.0.6778.85', '109')).toBeGreaterThan(0)
    expect(compareVersions('14.2.1', '14.3')).toBeLessThan(0)
    expect(compareVersions('14', '14.0.0')).toBe(0)
    expect(compareVersions('2.100.0', '2.30.0')).toBeGreaterThan(0)
    expect(compareVersions('10.15.7', '10.15')).toBeGreaterThan(0)
  })

  it('puts a pre-release before its release, as semver does', () => {
    expect(compareVersions('2.30.0-rc.1', '2.30.0')).toBeLessThan(0)
    expect(compareVersions('2.30.0-rc.2', '2.30.0-rc.10')).toBeLessThan(0)
    expect(compareVersions('2.30.0-alpha', '2.30.0-beta')).toBeLessThan(0)
    expect(compareVersions('v2.30.0+build.7', '2.30.0')).toBe(0)
  })

  it('refuses what is not a version', () => {
    expect(compareVersions('nightly', '2.30.0')).toBeNull()
    expect(compareVersions('XP', '7')).toBeNull()
  })
})
