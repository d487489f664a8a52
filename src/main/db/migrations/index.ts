import type { Migration } from '../migrate'
import { m0001Initial } from './0001-initial'
import { m0002FaceObservations } from './0002-face-observations'
import { m0003FaceEmbeddings } from './0003-face-embeddings'
import { m0004RepliesOutbox } from './0004-replies-outbox'
import { m0005CaseAssignee } from './0005-case-assignee'
import { m0006Retention } from './0006-retention'
import { m0007FaceEmbeddingChanges } from './0007-face-embedding-changes'

/** Every migration, in order. Never edit a migration that has shipped: add the next one. */
export const MIGRATIONS: readonly Migration[] = [m0001Initial, m0002FaceObservations, m0003FaceEmbeddings, m0004RepliesOutbox, m0005CaseAssignee, m0006Retention, m0007FaceEmbeddingChanges]
