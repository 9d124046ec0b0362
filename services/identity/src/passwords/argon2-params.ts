/** argon2id with OWASP's minimum: 19 MiB, 2 passes, 1 lane; shared by both implementations. */
export const ARGON2 = { memoryKiB: 19456, passes: 2, lanes: 1, hashBytes: 32, saltBytes: 16 } as const;
