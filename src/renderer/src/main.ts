import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { router } from './router'
import { i18n } from './i18n'
import './styles/base.css'
import { installFavicon } from './favicon'
import { installIdleLock } from './stores/privacy'
import { startWhenUnlocked } from './key-unlock'

installFavicon()

function startApp(): void {
  const pinia = createPinia()
  // Before the app mounts: the lock's key handler must run before every other (issue 9).
  installIdleLock(pinia)
  createApp(App).use(pinia).use(router).use(i18n).mount('#app')
}

// An encrypted data dir that is still locked shows the unlock screen first (issue 9, at rest).
void startWhenUnlocked('#app', startApp)
