import { contextBridge, ipcRenderer } from 'electron'
import { CHANNELS, ipcName } from '../shared/channels'

// window.kyc: one function per contract channel and the artifact URL prefix; nothing else
// (no ipcRenderer, no process). Inputs are validated in main, not here.
const bridge: Record<string, unknown> = { artifactBase: 'kyc-artifact://store/' }
for (const channel of CHANNELS) {
  bridge[channel] = (input: unknown) => ipcRenderer.invoke(ipcName(channel), input)
}
contextBridge.exposeInMainWorld('kyc', Object.freeze(bridge))
