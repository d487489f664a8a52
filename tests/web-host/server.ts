/**
 * TEST-ONLY web host: serves the built renderer (out/renderer) to a browser on 127.0.0.1 and
 * provides window.kyc over HTTP, dispatching to the same real services and contract validation as
 * Electron's IPC. It exists because Electron's binary cannot be downloaded where CI runs; it is
 * never shipped. Every request but the first page load needs the random token (set as a cookie).
 *
 *   KYC_DESK_KEY=… node bin/run-ts.mjs tests/web-host/server.ts [--data-dir D] [--import PATH…] [--ask-passphrase]
 * prints one line `KYC_WEB_HOST {"url": …, "dataDir": …}` when ready. The data dir is unlocked
 * with KYC_DESK_KEY (created with it when new); with --ask-passphrase it stays locked and the
 * renderer shows the unlock screen, as the app does where there is no system keychain.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { openServices } from '../../src/main/services/app-services'
import { readArtifactRequest } from '../../src/main/store/artifact-store'
import { UnlockGate } from '../../src/main/services/unlock-gate'
import type { UnlockedKeys } from '../../src/main/keys/data-keys'
import { unlockDataDir } from '../../src/main/keys/unlock'
import { userKeyDir } from '../../src/main/keys/user-key'
import { getArtifact } from '../../src/main/db/queries/artifacts'
import { CHANNELS } from '../../src/shared/channels'

const RENDERER_DIR = resolve('out/renderer')
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
}

export interface WebHostOptions {
  dataDir?: string
  importPaths?: string[]
  now?: Date
  log?: (line: string) => void
  /** What the (simulated) system file dialog answers: tests stand in for the user here. */
  dialogAnswer?: string[]
  /** Keys already unlocked (in-process use); default: unlocked with KYC_DESK_KEY. */
  keys?: UnlockedKeys
  /** Stay locked until the renderer's unlock screen gives the passphrase (keys:unlock / keys:create). */
  askPassphrase?: boolean
}

/** The access log keeps no passphrase or password (keys:unlock, keys:set-passphrase, settings:smtp-password). */
const SECRET_FIELDS = new Set(['passphrase', 'current', 'password'])
const withoutSecrets = (key: string, value: unknown) => (SECRET_FIELDS.has(key) && typeof value === 'string' ? '[secret]' : value)

export async function startWebHost(options: WebHostOptions = {}) {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('out/renderer/index.html is missing: run `npx electron-vite build` first')
  }
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'kyc-desk-web-'))
  const clock = options.now ? () => options.now! : undefined
  // The same gate as the app's: nothing of the data dir is open until it is unlocked.
  const gate = new UnlockGate({
    dataDir,
    userKeys: userKeyDir(),
    log: (message, error) => options.log?.(`${message}${error ? `: ${String(error)}` : ''}`),
    open: async (keys) => {
      const opened = openServices(dataDir, {
        keys,
        version: 'web-host',
        clock,
        // Every line also goes to <dataDir>/logs, redacted, like the app's (the e2e suite greps them for PII).
        log: (line) => {
          // The access log stays in the file; warnings and errors also reach the console.
          if (!/^\S+ INFO /.test(line)) options.log?.(line)
        },
        chooseImportPaths: options.dialogAnswer ? async () => options.dialogAnswer! : undefined,
      })
      if (options.importPaths?.length) await opened.importer.importPaths(options.importPaths)
      return opened
    },
  })
  if (!options.askPassphrase) await gate.unlockWith(options.keys ?? (await unlockDataDir(dataDir, { notice: (line) => options.log?.(line) })).keys)

  const token = randomBytes(18).toString('hex')
  const bridge = `(() => {
    const call = (channel) => async (input) => {
      const res = await fetch('/api/' + encodeURIComponent(channel), {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input ?? {}), credentials: 'same-origin'
      });
      return res.json();
    };
    // A browser gives no local path for a dropped file, and there is no application menu.
    const kyc = { artifactBase: '/artifact/', pathForFile: () => '', onMenuCommand: () => {} };
    for (const c of ${JSON.stringify(CHANNELS)}) kyc[c] = call(c);
    Object.defineProperty(window, 'kyc', { value: Object.freeze(kyc) });
  })();`

  const authorised = (req: IncomingMessage) => (req.headers.cookie ?? '').split(/;\s*/).includes(`kyc_token=${token}`)

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (url.pathname === '/' && url.searchParams.get('token') === token) {
      const html = readFileSync(join(RENDERER_DIR, 'index.html'), 'utf8').replace(
        '<script type="module"',
        '<script src="/__kyc-bridge.js"></script>\n    <script type="module"',
      )
      res.writeHead(200, { 'content-type': TYPES['.html'], 'set-cookie': `kyc_token=${token}; HttpOnly; SameSite=Strict; Path=/` })
      res.end(html)
      return
    }
    if (!authorised(req)) {
      res.writeHead(403).end('forbidden')
      return
    }
    if (url.pathname === '/__kyc-bridge.js') {
      res.writeHead(200, { 'content-type': TYPES['.js'] }).end(bridge)
      return
    }
    if (url.pathname.startsWith('/api/') && req.method === 'POST') {
      const channel = decodeURIComponent(url.pathname.slice('/api/'.length))
      const chunks: Buffer[] = []
      for await (const chunk of req) chunks.push(chunk as Buffer)
      let body: unknown
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}')
      } catch {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ ok: false, error: { code: 'BAD_INPUT', message: 'Body is not JSON.' } }))
        return
      }
      const started = performance.now()
      const result = await gate.dispatch(channel, body)
      // An access log with the input: what a failing e2e test needs, and the redaction's hardest test.
      gate.opened?.logger.info(`api ${channel} ${result.ok ? 'ok' : result.error.code} ${Math.round(performance.now() - started)}ms ${JSON.stringify(body, withoutSecrets).slice(0, 400)}`)
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result))
      return
    }
    if (url.pathname.startsWith('/artifact/')) {
      // Raw path (still percent-encoded) so that encoded traversal is judged, not pre-resolved.
      const raw = (req.url ?? '').split('?')[0].slice('/artifact'.length)
      const services = gate.opened
      if (!services) {
        res.writeHead(423).end('locked')
        return
      }
      // Decrypted in memory and sent from there: no clear copy is ever written.
      const found = await readArtifactRequest(services.store, raw)
      if (!found.ok) {
        res.writeHead(found.status).end(found.reason)
        return
      }
      const mime = getArtifact(services.db, found.sha256)?.mime ?? 'application/octet-stream'
      res.writeHead(200, { 'content-type': mime, 'cache-control': 'no-store' }).end(found.bytes)
      return
    }
    const file = normalize(join(RENDERER_DIR, decodeURIComponent(url.pathname)))
    if (file.startsWith(RENDERER_DIR + sep) && existsSync(file)) {
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(await readFile(file))
      return
    }
    res.writeHead(404).end('not found')
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (gate.opened) gate.opened.logger.error('web host error', error)
      else options.log?.(`web host error: ${String(error)}`)
      if (!res.headersSent) res.writeHead(500)
      res.end('internal error')
    })
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  const origin = `http://127.0.0.1:${port}`
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    dataDir,
    gate,
    /** The services once unlocked. */
    get services() {
      if (!gate.opened) throw new Error('the web host is locked')
      return gate.opened
    },
    close: () => new Promise<void>((done) => server.close(() => void (gate.opened?.close() ?? Promise.resolve()).then(done))),
  }
}

function argValues(argv: string[], name: string): string[] {
  const out: string[] = []
  argv.forEach((a, i) => {
    if (a === name && argv[i + 1]) out.push(argv[i + 1])
  })
  return out
}

if (process.argv[1] && resolve(process.argv[1]) === resolve('tests/web-host/server.ts')) {
  const argv = process.argv.slice(2)
  const host = await startWebHost({
    dataDir: argValues(argv, '--data-dir')[0],
    importPaths: argValues(argv, '--import'),
    dialogAnswer: argValues(argv, '--dialog-answer').length ? argValues(argv, '--dialog-answer') : undefined,
    now: argValues(argv, '--now')[0] ? new Date(argValues(argv, '--now')[0]) : undefined,
    askPassphrase: argv.includes('--ask-passphrase'),
    log: (line) => process.stderr.write(`${line}\n`),
  })
  process.stdout.write(`KYC_WEB_HOST ${JSON.stringify({ url: host.url, origin: host.origin, dataDir: host.dataDir })}\n`)
  const stop = () => void host.close().then(() => process.exit(0))
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}
