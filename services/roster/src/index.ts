export { app } from './app.ts';
export type { AppRouter } from './router.ts';
export { migrations } from './migrations.ts';
export * as rosterSchema from './schema.ts';
export type { MemberCreated } from './members/create-member.ts';
