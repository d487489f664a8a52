#!/usr/bin/env node
// Builds better-sqlite3-multiple-ciphers (the SQLite3MultipleCiphers build of better-sqlite3) for Electron's ABI into .electron-native/electron-<version>/, apart from
// the Node build in node_modules that the CLI and the tests use, so `npm start` and `npm test`
// both work in one checkout in either order. Never run by `npm test` or postinstall.
// Needs the network (Electron's headers or a prebuilt binary); skipped when already built.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'

const require = createRequire(import.meta.url)
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version
const target = resolve('.electron-native', `electron-${electronVersion}`)
const binding = join(target, 'better_sqlite3.node')
if (existsSync(binding)) process.exit(0)

const source = resolve('node_modules', 'better-sqlite3-multiple-ciphers')
const work = resolve('.electron-native', 'build', 'better-sqlite3')
rmSync(work, { recursive: true, force: true })
mkdirSync(work, { recursive: true })
cpSync(source, work, { recursive: true, filter: (p) => !p.includes(`${join('build', 'Release')}`) })

const run = (cmd, args) => execFileSync(cmd, args, { cwd: work, stdio: 'inherit', env: { ...process.env, npm_config_runtime: 'electron', npm_config_target: electronVersion, npm_config_disturl: 'https://electronjs.org/headers' } })
try {
  console.log(`Fetching better-sqlite3 prebuilt for Electron ${electronVersion}…`)
  run(process.execPath, [require.resolve('prebuild-install/bin.js', { paths: [source] }), '--runtime', 'electron', '--target', electronVersion])
} catch {
  console.log(`No prebuilt: compiling better-sqlite3 against Electron ${electronVersion} headers…`)
  // node-gyp ships inside npm itself; `npm start` tells us where npm is.
  const npmDir = process.env.npm_execpath ? dirname(dirname(process.env.npm_execpath)) : ''
  const gyp = [join(npmDir, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')].find((p) => existsSync(p)) ??
    require.resolve('node-gyp/bin/node-gyp.js', { paths: [source, process.cwd()] })
  run(process.execPath, [gyp, 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers'])
}
mkdirSync(target, { recursive: true })
cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), binding)
rmSync(resolve('.electron-native', 'build'), { recursive: true, force: true })
console.log(`better-sqlite3 for Electron ${electronVersion}: ${binding}`)
