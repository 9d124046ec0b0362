export { app } from './app.ts';
export type { AppRouter } from './router.ts';
export { migrations } from './migrations.ts';
export * as identitySchema from './schema.ts';
export { hashPassword } from './passwords/password-hash.ts';
export { applyRosterEventToIdentity } from './people/apply-roster-event.ts';
export { ensureSetupLink } from './setup/first-operator.ts';
export { giveCityGrant, readCityGrant, revokeCityGrant } from './city-grants/city-grant.ts';
