import type { tasks } from '@tongxin/api-client';

/** A task offered to the member, as `tasks.forMe` returns it. */
export type Task = Awaited<ReturnType<typeof tasks.tasks.forMe.query>>[number];
/** One of the member's claims, as `claims.mine` returns it (what was promised at claim time). */
export type Claim = Awaited<ReturnType<typeof tasks.claims.mine.query>>[number];
export type Evidence = Claim['evidence'];
export type Target = NonNullable<Task['target']>;
export type Study = NonNullable<Task['study']>;

