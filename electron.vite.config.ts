import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'

const root = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig({
  main: {
    build: {
      // The analysis worker is its own entry: pool.ts starts out/main/worker.js.
      rollupOptions: {
        input: { index: resolve(root, 'src/main/index.ts'), worker: resolve(root, 'src/main/analysis/worker.ts') },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload must be a single CommonJS file with nothing left to require.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    build: {
      rollupOptions: { input: { index: resolve(root, 'src/renderer/index.html') } },
    },
    plugins: [vue()],
  },
})
