export * from './trpc.ts';
export type { Context, ServiceDeps, ServiceBindings } from './context.ts';
export { claimsOf, createServiceApp, crossSiteGuard, MAX_BODY_BYTES } from './service-app.ts';
export { toTRPCError } from './errors.ts';
export { decodeJsonInput } from './input-strings/decode-json-input.ts';
export { DECIDES_ABOUT_ONESELF, LEVEL_ABOVE_DECIDES, SEAT_COOLING_OFF_MS, deciderOf, levelAboveRefusal, refuseUnlessLevelAbove, type Decider, type Seat, type SeatsOf } from './decides-about-oneself/index.ts';
export { ZIdempotencyKey } from './idempotency-key.ts';
export { orgNotFound, withOptionalOrg, withOrg, type FindOrg, type OrgInScope } from './org-in-scope/index.ts';
