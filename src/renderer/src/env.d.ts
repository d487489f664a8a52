/// <reference types="vite/client" />
import type { KycBridge } from '../../shared/contract'

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

declare global {
  interface Window {
    kyc: KycBridge
  }
}
