import { createRouter, createWebHashHistory } from 'vue-router'
import QueueView from './views/QueueView.vue'
import CaseView from './views/CaseView.vue'
import SettingsView from './views/SettingsView.vue'

export const router = createRouter({
  // Hash history: the renderer is loaded from a file in Electron.
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'queue', component: QueueView },
    { path: '/case/:id(\\d+)', name: 'case', component: CaseView, props: (r) => ({ id: Number(r.params.id) }) },
    { path: '/settings', name: 'settings', component: SettingsView },
  ],
})
