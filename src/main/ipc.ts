import { ipcMain, type WebFrameMain } from 'electron'
import { CHANNELS, ipcName } from '../shared/channels'
import type { Dispatch } from './services/dispatch'

/**
 * Binds every contract channel. Each message's sender frame is checked first: only our own
 * renderer may call main (a navigated or embedded frame gets FORBIDDEN, and nothing runs).
 */
export function registerIpc(dispatch: Dispatch, isTrusted: (frameUrl: string) => boolean): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(ipcName(channel), async (event, raw: unknown) => {
      const frame: WebFrameMain | null = event.senderFrame
      if (!frame || !isTrusted(frame.url)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'This window may not call KYC Desk.' } }
      }
      return dispatch(channel, raw)
    })
  }
}
