import { app, BrowserWindow, dialog, protocol, safeStorage, session } from 'electron'
import { resolveDataDir } from './data-dir'
import { electronNativeBinding } from './native-binding'
import { openServices, type AppServices } from './services/app-services'
import { readArtifactRequest } from './store/artifact-store'
import { UnlockGate } from './services/unlock-gate'
import type { KeyProtector } from './keys/keyring'
import { userKeyDir } from './keys/user-key'
import { getArtifact } from './db/queries/artifacts'
import { seedDemoCasesIfEmpty } from './services/demo-seed'
import { registerIpc } from './ipc'
import { createMainWindow, installAppMenu, isTrustedFrameUrl } from './window'
import { loadWindowBounds, saveWindowBounds } from './window-state'
import { createLogger } from './logging/logger'
import { logDir } from './logging/app-logger'
import { permissionGranted } from './permissions'

protocol.registerSchemesAsPrivileged([
  { scheme: 'kyc-artifact', privileges: { standard: true, secure: true, supportFetchAPI: true } },
])

let services: AppServices | undefined
/** Known once resolved: a failed start is logged in its logs folder. */
let startupDataDir: string | undefined
/** Log lines (already redacted) also go to the terminal while developing, never in a packaged app. */
const devEcho = app.isPackaged ? undefined : (line: string) => void process.stderr.write(`${line}\n`)

/** Images are decrypted in memory and answered from there; nothing is served before unlock. */
function serveArtifacts(gate: UnlockGate): void {
  protocol.handle('kyc-artifact', async (request) => {
    const s = gate.opened
    if (!s) return new Response('locked', { status: 423 })
    const url = new URL(request.url)
    const found = await readArtifactRequest(s.store, url.pathname)
    if (!found.ok) return new Response(found.reason, { status: found.status })
    const mime = getArtifact(s.db, found.sha256)?.mime ?? 'application/octet-stream'
    return new Response(new Uint8Array(found.bytes), { headers: { 'content-type': mime, 'cache-control': 'no-store' } })
  })
}

/**
 * The system keychain through safeStorage, when it really protects the key: on Linux without a
 * keyring Chromium falls back to `basic_text`, a fixed key in the code, which would protect
 * nothing; then the app asks for a passphrase instead (the unlock screen says why).
 */
async function systemKeychain(): Promise<KeyProtector | undefined> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return undefined
  if (process.platform === 'linux' && ['basic_text', 'unknown'].includes(safeStorage.getSelectedStorageBackend())) return undefined
  return {
    encrypt: (text) => safeStorage.encryptStringAsync(text),
    decrypt: async (blob) => (await safeStorage.decryptStringAsync(blob)).result,
  }
}

/** Everything refused but clipboard writes from our own page (src/main/permissions.ts says why). */
function restrictPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback, details) =>
    callback(permissionGranted({ permission, requestingUrl: details?.requestingUrl, isMainFrame: details?.isMainFrame }, isTrustedFrameUrl)),
  )
  session.defaultSession.setPermissionCheckHandler((_wc, permission, _origin, details) =>
    permissionGranted({ permission, requestingUrl: details?.requestingUrl, isMainFrame: details?.isMainFrame }, isTrustedFrameUrl),
  )
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0]
    if (win) {
      if (win.isMinimized()) win.restore()
      win.focus()
    }
  })

  app.whenReady().then(async () => {
    const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'))
    startupDataDir = dataDir
    const nativeBinding = electronNativeBinding(app.getAppPath())
    // Before unlock there is no database for the app's logger: the same redacting logger, file only.
    const startLog = createLogger({ dir: logDir(dataDir), console: devEcho })
    // Services open only once the data dir is unlocked: by the keychain at once, or through the
    // unlock screen (keys:unlock / keys:create) when a passphrase is needed.
    const gate = new UnlockGate({
      dataDir,
      userKeys: userKeyDir(),
      protector: await systemKeychain(),
      nativeBinding,
      log: (message, error) => (error ? startLog.error(message, error) : startLog.info(message)),
      open: async (keys) => {
        services = openServices(dataDir, {
          keys,
          version: app.getVersion(),
          log: devEcho,
          nativeBinding,
          chooseImportPaths: async () => {
            const result = await dialog.showOpenDialog({
              title: 'Import case bundles',
              properties: ['openFile', 'openDirectory', 'multiSelections'],
              filters: [{ name: 'Case bundles', extensions: ['zip', 'json'] }],
            })
            return result.canceled ? [] : result.filePaths
          },
        })
        await seedDemoCasesIfEmpty(services)
        services.analysis.resumeUnfinished()
        return services
      },
    })
    restrictPermissions()
    installAppMenu()
    serveArtifacts(gate)
    registerIpc(gate.dispatch, isTrustedFrameUrl)
    await gate.tryAutomatic()
    const openWindow = () => {
      const saved = loadWindowBounds(dataDir)
      const win = createMainWindow(saved)
      if (saved?.maximized) win.maximize()
      // Remember size and position for the next start (an agent arranges the window once).
      win.on('close', () => saveWindowBounds(dataDir, { ...win.getNormalBounds(), maximized: win.isMaximized() }))
    }
    openWindow()
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow()
    })
  }).catch((error: unknown) => {
    // Through the same redacting logger: a startup error may quote a case (e.g. a corrupt bundle).
    createLogger({ dir: startupDataDir ? logDir(startupDataDir) : undefined, console: (line) => void process.stderr.write(`${line}\n`) }).error('KYC Desk could not start', error)
    app.exit(1)
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('will-quit', () => void services?.close())
}
