import { z } from 'zod'

// zod compiles schemas with `new Function` unless told not to, and decides when a schema is
// BUILT; the renderer's CSP forbids eval. So every schema in src/shared imports z from here,
// which turns jitless on before any of them exists (lint enforces it).
z.config({ jitless: true })

export { z }
