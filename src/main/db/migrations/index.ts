import type { Migration } from '../migrate'
import { m0001Initial } from './0001-initial'
import { m0002FaceObservations } from './0002-face-observations'
import { m0003FaceEmbeddings } from './0003-face-embeddings'
import { m0004RepliesOutbox } from './0004-replies-outbox'

/** Every migration, in order. Never edit a migration that has shipped: add the next one. */
export const MIGRATIONS: readonly Migration[] = [m0001Initial, m0002FaceObservations, m0003FaceEmbeddings, m0004RepliesOutbox]
