import { BrowserWindow, Menu, shell, type MenuItemConstructorOptions } from 'electron'
import { MENU_COMMAND_CHANNEL } from '../shared/channels'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = fileURLToPath(new URL('.', import.meta.url))

/** The renderer's own origin: the built index.html, or the dev server during `npm run dev`. */
export function rendererEntry(): { url?: string; file?: string } {
  const devUrl = process.env.ELECTRON_RENDERER_URL
  if (devUrl) return { url: devUrl }
  return { file: join(here, '../renderer/index.html') }
}

/** Is this frame our renderer (and not some page it was tricked into loading)? */
export function isTrustedFrameUrl(frameUrl: string): boolean {
  const entry = rendererEntry()
  // Fail closed: a URL that does not parse (or a non-file URL in production) is not ours.
  try {
    if (entry.url) return new URL(frameUrl).origin === new URL(entry.url).origin
    return fileURLToPath(frameUrl.split('#')[0]) === entry.file
  } catch {
    return false
  }
}

export function createMainWindow(bounds?: { x?: number; y?: number; width: number; height: number }): BrowserWindow {
  const win = new BrowserWindow({
    width: bounds?.width ?? 1440,
    height: bounds?.height ?? 900,
    x: bounds?.x,
    y: bounds?.y,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'KYC Desk',
    backgroundColor: '#1b1d22',
    // Kept inline (not spread from a constant) so static checkers such as electronegativity see them.
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
    },
  })
  win.once('ready-to-show', () => win.show())
  // The renderer never navigates: every link to elsewhere opens in the user's browser, if https.
  win.webContents.on('will-navigate', (event, url) => {
    if (!isTrustedFrameUrl(url)) event.preventDefault()
  })
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url)
    return { action: 'deny' }
  })
  const entry = rendererEntry()
  if (entry.url) void win.loadURL(entry.url)
  else void win.loadFile(entry.file!)
  return win
}

/** The application menu: File ▸ Import… (Ctrl/Cmd+O) asks the renderer to open its import dialog. */
export function installAppMenu(): void {
  const send = (command: string) => BrowserWindow.getFocusedWindow()?.webContents.send(MENU_COMMAND_CHANNEL, command)
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Import…', accelerator: 'CmdOrCtrl+O', click: () => send('import') },
        { type: 'separator' },
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
