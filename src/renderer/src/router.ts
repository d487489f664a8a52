import { createRouter, createWebHashHistory } from 'vue-router'
import QueueView from './views/QueueView.vue'
import CaseView from './views/CaseView.vue'
import SettingsView from './views/SettingsView.vue'
import OutboxView from './views/OutboxView.vue'
import TemplatesView from './views/TemplatesView.vue'
import AgentSettingsView from './views/AgentSettingsView.vue'

export const router = createRouter({
  // Hash history: the renderer is loaded from a file in Electron.
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'queue', component: QueueView },
    { path: '/case/:id(\\d+)', name: 'case', component: CaseView, props: (r) => ({ id: Number(r.params.id) }) },
    { path: '/settings', name: 'settings', component: SettingsView },
    { path: '/settings/agent', name: 'agent-settings', component: AgentSettingsView },
    { path: '/outbox', name: 'outbox', component: OutboxView },
    { path: '/templates', name: 'templates', component: TemplatesView },
  ],
})
