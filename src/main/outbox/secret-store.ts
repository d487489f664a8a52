/**
 * Where the SMTP password is kept. The Electron app implements this with safeStorage (main/index.ts);
 * the CLI and tests use the implementations below. A secret never crosses the renderer contract:
 * the renderer can set it (write-only) and learn whether one is set, never read it.
 */
export interface SecretStore {
  /** Shown to the agent: where the secret lives ("safeStorage", "memory", "environment"). */
  readonly kind: string
  get(name: string): Promise<string | null>
  set(name: string, value: string): Promise<void>
  delete(name: string): Promise<void>
}

export const SMTP_PASSWORD = 'smtp.password'

/** Kept in memory for the life of the process (tests; a CLI run). */
export class MemorySecretStore implements SecretStore {
  readonly kind: string = 'memory'
  protected readonly values = new Map<string, string>()
  async get(name: string): Promise<string | null> {
    return this.values.get(name) ?? null
  }
  async set(name: string, value: string): Promise<void> {
    this.values.set(name, value)
  }
  async delete(name: string): Promise<void> {
    this.values.delete(name)
  }
}

/**
 * Reads secrets from the environment (KYC_DESK_SMTP_PASSWORD for the SMTP password) for the CLI and
 * headless runs; a value set at run time overrides it in memory only (nothing is written to disk).
 */
export class EnvSecretStore extends MemorySecretStore {
  override readonly kind = 'environment'
  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {
    super()
  }
  override async get(name: string): Promise<string | null> {
    const own = await super.get(name)
    if (own !== null) return own
    const envName = `KYC_DESK_${name.replace(/[^A-Za-z0-9]/g, '_').toUpperCase()}`
    return this.env[envName] ?? null
  }
}
