import type { Migration } from '../migrate'
import { m0001Initial } from './0001-initial'

/** Every migration, in order. Never edit a migration that has shipped: add the next one. */
export const MIGRATIONS: readonly Migration[] = [m0001Initial]
