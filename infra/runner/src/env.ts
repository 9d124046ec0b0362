import { z } from 'zod';

/** The runner's environment, parsed once at start-up (house style §2: no process.env elsewhere). */
export const env = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().default('127.0.0.1'),
    DATA_DIR: z.string().default('.data'),
    DATABASE_URL: z.string().url().optional(),
    DATABASE_DRIVER: z.enum(['neon', 'pg']).default('neon'),
    /** host:port/v2 of the WebSocket-to-TCP proxy for the Neon driver; unset → the runner starts one. */
    NEON_WS_PROXY: z.string().optional(),
    /** https deployments set Secure cookies. */
    PUBLIC_URL: z.string().url().optional(),
    SEED_DEMO: z.enum(['true', 'false']).default('true'),
    /** Comma-separated addresses of reverse proxies whose X-Forwarded-For is believed. */
    TRUSTED_PROXIES: z.string().default('').transform((value) => value.split(',').map((a) => a.trim()).filter(Boolean)),
    /** Seals counties' SMS secret keys: 32 bytes, base64 (`openssl rand -base64 32`); unset → one kept in DATA_DIR. */
    TONGXIN_MASTER_KEY: z
      .string()
      .refine((key) => Buffer.from(key, 'base64').length === 32, 'TONGXIN_MASTER_KEY must be 32 bytes, base64')
      .optional(),
  })
  .parse(process.env);
