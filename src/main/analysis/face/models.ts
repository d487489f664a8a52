import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Config, Human } from '@vladmandic/human'
import type * as FaceApi from '@vladmandic/face-api'

type HumanModule = { Human: new (config?: Partial<Config>) => Human }
type FaceApiModule = typeof FaceApi

export interface FaceModels {
  human: Human
  faceapi: FaceApiModule
  loadMs: number
}

const require = createRequire(import.meta.url)

/** The wasm build of Human: the package's `exports` map does not let the subpath be imported by name. */
function humanDistDir(): string {
  return dirname(require.resolve('@vladmandic/human'))
}

/**
 * Detection settings. The cache/skip settings are zero because Human is built for video: with
 * its defaults it re-uses the previous frame's boxes when two inputs look alike, so one case's
 * face would leak into the next image.
 */
function humanConfig(modelsDir: string, wasmDir: string): Partial<Config> {
  return {
    backend: 'wasm',
    wasmPath: `${wasmDir}/`,
    modelBasePath: `${pathToFileURL(modelsDir).href}/`,
    debug: false,
    async: false,
    warmup: 'none',
    cacheModels: false,
    cacheSensitivity: 0,
    skipAllowed: false,
    filter: { enabled: false },
    gesture: { enabled: false },
    body: { enabled: false },
    hand: { enabled: false },
    object: { enabled: false },
    segmentation: { enabled: false },
    face: {
      enabled: true,
      // rotation: the mesh runs on the face turned upright, so a tilted head keeps its landmarks.
      detector: { rotation: true, maxDetected: 10, minConfidence: 0.2, skipFrames: 0, skipTime: 0, return: false },
      mesh: { enabled: true },
      iris: { enabled: true, skipFrames: 0, skipTime: 0 },
      emotion: { enabled: false },
      // Human's own descriptor separates people worse than face-api's (docs/analysis/face.md).
      description: { enabled: false },
      antispoof: { enabled: false },
      liveness: { enabled: false },
      attention: { enabled: false },
      gear: { enabled: false },
    },
  } as Partial<Config>
}

interface WeightsManifestGroup { paths: string[]; weights: unknown[] }

/**
 * tfjs without tfjs-node cannot read file:// URLs: this router reads a graph model's JSON and
 * weight shards from disk, so models come from node_modules only, never from the network.
 */
function registerFileRouter(tf: Human['tf']): void {
  tf.io.registerLoadRouter((url: string | string[]) => {
    const href = Array.isArray(url) ? url[0] : url
    if (typeof href !== 'string' || !href.startsWith('file://')) return null
    const path = fileURLToPath(href)
    return {
      load: async () => {
        const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown> & { weightsManifest: WeightsManifestGroup[] }
        const specs: unknown[] = []
        const shards: Buffer[] = []
        for (const group of json.weightsManifest) {
          specs.push(...group.weights)
          for (const p of group.paths) shards.push(readFileSync(join(dirname(path), p)))
        }
        const all = Buffer.concat(shards)
        return {
          modelTopology: json.modelTopology,
          format: json.format,
          generatedBy: json.generatedBy,
          convertedBy: json.convertedBy,
          signature: json.signature,
          userDefinedMetadata: json.userDefinedMetadata,
          weightSpecs: specs,
          weightData: all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength),
        }
      },
    } as never
  })
}

let models: Promise<FaceModels> | undefined

/**
 * Human (detector, mesh, iris: box, landmarks, pose) and face-api (the 128-d descriptor), on the
 * tfjs wasm backend, loaded once per process on first use from the files in node_modules.
 */
export function loadFaceModels(): Promise<FaceModels> {
  models ??= (async () => {
    const start = performance.now()
    const dist = humanDistDir()
    const { Human: HumanClass } = require(join(dist, 'human.node-wasm.js')) as HumanModule
    const wasmDir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm'))
    const human = new HumanClass(humanConfig(join(dist, '..', 'models'), wasmDir))
    registerFileRouter(human.tf)
    await human.load()
    const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApiModule
    await faceapi.nets.faceRecognitionNet.loadFromDisk(join(dirname(require.resolve('@vladmandic/face-api')), '..', 'model'))
    return { human, faceapi, loadMs: performance.now() - start }
  })()
  models.catch(() => { models = undefined })
  return models
}
