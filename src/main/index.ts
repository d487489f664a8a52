import { app, BrowserWindow, dialog, protocol, session } from 'electron'
import { readFile } from 'node:fs/promises'
import { resolveDataDir } from './data-dir'
import { electronNativeBinding } from './native-binding'
import { openServices, type AppServices } from './services/app-services'
import { resolveArtifactRequest } from './store/artifact-store'
import { getArtifact } from './db/queries/artifacts'
import { seedDemoCasesIfEmpty } from './services/demo-seed'
import { registerIpc } from './ipc'
import { createMainWindow, installAppMenu, isTrustedFrameUrl } from './window'
import { loadWindowBounds, saveWindowBounds } from './window-state'

protocol.registerSchemesAsPrivileged([
  { scheme: 'kyc-artifact', privileges: { standard: true, secure: true, supportFetchAPI: true } },
])

let services: AppServices | undefined

function serveArtifacts(s: AppServices): void {
  protocol.handle('kyc-artifact', async (request) => {
    const url = new URL(request.url)
    const found = resolveArtifactRequest(s.store.root, url.pathname)
    if (!found.ok) return new Response(found.reason, { status: found.status })
    const sha = url.pathname.replace(/^\/+/, '')
    const mime = getArtifact(s.db, sha)?.mime ?? 'application/octet-stream'
    return new Response(await readFile(found.file), { headers: { 'content-type': mime, 'cache-control': 'no-store' } })
  })
}

function denyPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
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
    services = openServices(dataDir, {
      version: app.getVersion(),
      nativeBinding: electronNativeBinding(app.getAppPath()),
      chooseImportPaths: async () => {
        const result = await dialog.showOpenDialog({
          title: 'Import case bundles',
          properties: ['openFile', 'openDirectory', 'multiSelections'],
          filters: [{ name: 'Case bundles', extensions: ['zip', 'json'] }],
        })
        return result.canceled ? [] : result.filePaths
      },
    })
    denyPermissions()
    installAppMenu()
    serveArtifacts(services)
    registerIpc(services.dispatch, isTrustedFrameUrl)
    await seedDemoCasesIfEmpty(services)
    services.analysis.resumeUnfinished()
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
    console.error('KYC Desk could not start:', error)
    app.exit(1)
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('will-quit', () => void services?.close())
}
