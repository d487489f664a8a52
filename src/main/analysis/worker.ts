import { parentPort } from 'node:worker_threads'
import { runTask } from './run-task'
import type { WorkerRequest, WorkerResponse } from './worker-protocol'

// A pool worker: analyses one case at a time. Models and OCR engines load lazily on first use
// and stay loaded for the life of the worker.
parentPort!.on('message', (message: WorkerRequest) => {
  runTask(message.task).then(
    (result) => parentPort!.postMessage({ id: message.id, ok: true, result } satisfies WorkerResponse),
    (error: unknown) =>
      parentPort!.postMessage({ id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) } satisfies WorkerResponse),
  )
})
