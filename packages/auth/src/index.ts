export * from './session-token.ts';
export * from './session-policy.ts';
export * from './roles.ts';
export * from './access-token.ts';
export * from './cookies.ts';
export * from './access-token-verifier.ts';
