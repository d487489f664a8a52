import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { CHANNELS, MENU_COMMAND_CHANNEL, ipcName } from '../shared/channels'

// window.kyc: one function per contract channel, the artifact URL prefix, the path of a dropped
// file, and menu commands; nothing else (no ipcRenderer, no process). Inputs are validated in main.
const bridge: Record<string, unknown> = {
  artifactBase: 'kyc-artifact://store/',
  pathForFile: (file: File) => {
    try {
      return webUtils.getPathForFile(file)
    } catch {
      return ''
    }
  },
  onMenuCommand: (handler: (command: string) => void) => {
    ipcRenderer.on(MENU_COMMAND_CHANNEL, (_event, command: unknown) => {
      if (typeof command === 'string') handler(command)
    })
  },
}
for (const channel of CHANNELS) {
  bridge[channel] = (input: unknown) => ipcRenderer.invoke(ipcName(channel), input)
}
contextBridge.exposeInMainWorld('kyc', Object.freeze(bridge))
