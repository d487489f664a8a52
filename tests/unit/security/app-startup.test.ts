import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ArtifactStore } from '../../../src/main/store/artifact-store'

// Runs src/main/index.ts under plain Node with a stand-in for Electron and for the services, to
// see what the app installs at start: the permission handlers, the artifact protocol and the IPC
// sender check, and in which order.
const fake = vi.hoisted(() => ({
  order: [] as string[],
  privileged: [] as unknown[],
  protocolHandlers: new Map<string, (request: { url: string }) => Promise<Response>>(),
  permissionRequest: undefined as undefined | ((wc: unknown, permission: string, callback: (granted: boolean) => void, details?: unknown) => void),
  permissionCheck: undefined as undefined | ((wc: unknown, permission: string, origin: string, details?: unknown) => boolean),
  registerIpcTrust: undefined as unknown,
  store: undefined as ArtifactStore | undefined,
  dataDir: '',
}))

vi.mock('electron', () => ({
  app: {
    requestSingleInstanceLock: () => true,
    on: () => undefined,
    whenReady: () => Promise.resolve(),
    getPath: () => fake.dataDir,
    getVersion: () => '0.0.0-test',
    getAppPath: () => fake.dataDir,
    quit: () => undefined,
    exit: (code: number) => {
      throw new Error(`app.exit(${code})`)
    },
  },
  BrowserWindow: Object.assign(class {}, { getAllWindows: () => [], getFocusedWindow: () => null }),
  Menu: { setApplicationMenu: () => undefined, buildFromTemplate: () => ({}) },
  shell: { openExternal: () => Promise.resolve() },
  dialog: { showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }) },
  // A keychain that works (as on macOS, Windows, or Linux with a keyring): the app unlocks by itself.
  safeStorage: {
    isAsyncEncryptionAvailable: () => Promise.resolve(true),
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptStringAsync: (text: string) => Promise.resolve(Buffer.from(text, 'utf8').reverse()),
    decryptStringAsync: (blob: Buffer) => Promise.resolve({ shouldReEncrypt: false, result: Buffer.from(blob).reverse().toString('utf8') }),
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => fake.privileged.push(...schemes),
    handle: (scheme: string, handler: (request: { url: string }) => Promise<Response>) => {
      fake.order.push(`protocol:${scheme}`)
      fake.protocolHandlers.set(scheme, handler)
    },
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (h: typeof fake.permissionRequest) => {
        fake.order.push('permission-request-handler')
        fake.permissionRequest = h
      },
      setPermissionCheckHandler: (h: typeof fake.permissionCheck) => {
        fake.order.push('permission-check-handler')
        fake.permissionCheck = h
      },
    },
  },
}))
vi.mock('../../../src/main/data-dir', () => ({ resolveDataDir: () => fake.dataDir }))
vi.mock('../../../src/main/native-binding', () => ({ electronNativeBinding: () => undefined }))
vi.mock('../../../src/main/services/app-services', async () => {
  const { ArtifactStore } = await import('../../../src/main/store/artifact-store')
  return {
    openServices: (dataDir: string, options: { keys: { artifacts: ConstructorParameters<typeof ArtifactStore>[1] } }) => {
      fake.order.push('open-services')
      fake.store = new ArtifactStore(dataDir, options.keys.artifacts)
      return {
        store: fake.store,
        db: {},
    dispatch: async () => ({ ok: true, value: null }),
        analysis: { resumeUnfinished: () => undefined },
        close: () => undefined,
      }
    },
  }
})
vi.mock('../../../src/main/db/queries/artifacts', () => ({ getArtifact: () => ({ mime: 'image/jpeg' }) }))
vi.mock('../../../src/main/services/demo-seed', () => ({ seedDemoCasesIfEmpty: async () => undefined }))
vi.mock('../../../src/main/window-state', () => ({ loadWindowBounds: () => undefined, saveWindowBounds: () => undefined }))
vi.mock('../../../src/main/ipc', () => ({
  registerIpc: (_dispatch: unknown, isTrusted: unknown) => {
    fake.order.push('register-ipc')
    fake.registerIpcTrust = isTrusted
  },
}))
vi.mock('../../../src/main/window', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../src/main/window')>()),
  installAppMenu: () => undefined,
  createMainWindow: () => {
    fake.order.push('create-window')
    return { maximize: () => undefined, on: () => undefined, getNormalBounds: () => ({}), isMaximized: () => false }
  },
}))

let sha = ''
beforeAll(async () => {
  fake.dataDir = mkdtempSync(join(tmpdir(), 'kyc-security-'))
  await import('../../../src/main/index')
  await vi.waitFor(() => expect(fake.order).toContain('create-window'))
  sha = await fake.store!.put(Buffer.from('passport scan bytes'))
})
afterAll(() => rmSync(fake.dataDir, { recursive: true, force: true }))

const PERMISSIONS = [
  'media', 'geolocation', 'notifications', 'midi', 'midiSysex', 'pointerLock', 'fullscreen', 'openExternal',
  'clipboard-read', 'clipboard-sanitized-write', 'display-capture', 'idle-detection', 'hid', 'serial', 'usb',
  'storage-access', 'window-management', 'unknown',
]

describe('permissions', () => {
  it('our own page may write to the clipboard; nothing else, and no other page or frame, gets even that', async () => {
    const { rendererEntry } = await import('../../../src/main/window')
    const ours = pathToFileURL(rendererEntry().file!).href
    const ask = (permission: string, requestingUrl: string, isMainFrame = true) => {
      const callback = vi.fn()
      fake.permissionRequest!({}, permission, callback, { requestingUrl, isMainFrame })
      const checked = fake.permissionCheck!({}, permission, 'file://', { requestingUrl, isMainFrame })
      expect(callback).toHaveBeenCalledOnce()
      expect(checked, `${permission} check vs request`).toBe(callback.mock.calls[0][0])
      return checked
    }
    expect(ask('clipboard-sanitized-write', ours)).toBe(true)
    expect(ask('clipboard-sanitized-write', ours, false)).toBe(false)
    expect(ask('clipboard-sanitized-write', 'https://evil.example/')).toBe(false)
    for (const permission of PERMISSIONS.filter((p) => p !== 'clipboard-sanitized-write')) expect(ask(permission, ours), permission).toBe(false)
  })

  it('every permission request from another page is refused', () => {
    for (const permission of PERMISSIONS) {
      const callback = vi.fn()
      fake.permissionRequest!({}, permission, callback, { requestingUrl: 'file:///index.html' })
      expect(callback, permission).toHaveBeenCalledExactlyOnceWith(false)
    }
  })

  it('every permission check from another page answers no', () => {
    for (const permission of PERMISSIONS) expect(fake.permissionCheck!({}, permission, 'file://', {}), permission).toBe(false)
  })

  it('the handlers are installed before the first window exists', () => {
    const window = fake.order.indexOf('create-window')
    expect(fake.order.indexOf('permission-request-handler')).toBeGreaterThanOrEqual(0)
    expect(fake.order.indexOf('permission-request-handler')).toBeLessThan(window)
    expect(fake.order.indexOf('permission-check-handler')).toBeLessThan(window)
    expect(fake.order.indexOf('register-ipc')).toBeLessThan(window)
    expect(fake.order.indexOf('protocol:kyc-artifact')).toBeLessThan(window)
  })
})

describe('IPC wiring', () => {
  it('registerIpc is given the sender check of window.ts', async () => {
    const { isTrustedFrameUrl } = await import('../../../src/main/window')
    expect(fake.registerIpcTrust).toBe(isTrustedFrameUrl)
  })
})

describe('the artifact protocol', () => {
  it('is the only privileged scheme, and does not bypass the CSP', () => {
    expect(fake.privileged).toHaveLength(1)
    const [entry] = fake.privileged as { scheme: string; privileges: Record<string, boolean> }[]
    expect(entry.scheme).toBe('kyc-artifact')
    expect(entry.privileges.bypassCSP ?? false).toBe(false)
    expect(entry.privileges.allowServiceWorkers ?? false).toBe(false)
    expect(entry.privileges.corsEnabled ?? false).toBe(false)
  })

  // Path confinement itself is tested in tests/unit/main/store/artifact-store.test.ts; this only
  // proves the Electron handler goes through it.
  it('serves a stored artifact and refuses paths out of the store', async () => {
    const handler = fake.protocolHandlers.get('kyc-artifact')!
    const ok = await handler({ url: `kyc-artifact://store/${sha}` })
    expect(ok.status).toBe(200)
    expect(ok.headers.get('cache-control')).toBe('no-store')
    expect(Buffer.from(await ok.arrayBuffer()).toString()).toBe('passport scan bytes')
    for (const path of ['..%2f..%2f..%2fetc%2fpasswd', '%2e%2e/store.db', `..%5c${sha}`, 'cases.sqlite']) {
      const refused = await handler({ url: `kyc-artifact://store/${path}` })
      expect([403, 404], path).toContain(refused.status)
    }
  })
})

describe('encryption at rest at start', () => {
  it('unlocks with the system keychain before the first window: a new data dir gets a keychain slot only', () => {
    expect(fake.order.indexOf('open-services')).toBeGreaterThanOrEqual(0)
    expect(fake.order.indexOf('open-services')).toBeLessThan(fake.order.indexOf('create-window'))
    const keyring = JSON.parse(readFileSync(join(fake.dataDir, 'keys.json'), 'utf8')) as { slots: { kind: string }[] }
    expect(keyring.slots.map((s) => s.kind)).toEqual(['safe-storage'])
  })

  it('keeps stored images encrypted on disk and answers them decrypted from memory', () => {
    expect(readFileSync(fake.store!.pathOf(sha)).includes(Buffer.from('passport scan bytes'))).toBe(false)
  })
})
