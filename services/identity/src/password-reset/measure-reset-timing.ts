/**
 * Side by side, the time `passwordReset.request` takes to answer for a phone with an account
 * and for one without (issue 13 E), on PGlite with the development channel writing its log.
 * Not a test (timings are noisy on a shared machine); run it and compare the medians:
 *
 *   node --import tsx services/identity/src/password-reset/measure-reset-timing.ts [rounds]
 *
 * RESET_ROUTER=<module path> measures another router exporting `passwordResetRouter` (an
 * earlier version, for a before/after). DEFER=detached leaves deferred work to the Node
 * fallback (the next turn of the event loop), where PGlite, running in this thread, may
 * still overlap the answer; by default it runs once the answer has been read, as a host
 * with its database elsewhere would see it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateAccessKeys } from '@tongxin/auth';
import { createTestDatabase } from '@tongxin/db/testing';
import { generateMasterKey } from '@tongxin/sms';
import { developmentChannel } from '@tongxin/sms/development';
import type { ServiceDeps } from '@tongxin/trpc';
import { CSRF_HEADER } from '@tongxin/auth';
import { migrations } from '../migrations.ts';
import { seedIdentity } from '../testing/identity-fixture.ts';
import { addUser, onboardingApp, YX } from '../testing/onboarding-fixture.ts';

const rounds = Number(process.argv[2] ?? 40);
const routerModule = process.env.RESET_ROUTER ? resolve(process.env.RESET_ROUTER) : './password-reset-router.ts';
const { passwordResetRouter } = (await import(routerModule)) as typeof import('./password-reset-router.ts');

const dir = await mkdtemp(join(tmpdir(), 'reset-timing-'));
const database = await createTestDatabase([migrations]);
await seedIdentity(database);
const { keys } = await generateAccessKeys();
const deferred: (() => Promise<void>)[] = [];
const deps: ServiceDeps = {
  database, keys, now: () => new Date(), secureCookies: false,
  ...(process.env.DEFER === 'detached' ? {} : { defer: (work: () => Promise<void>) => void deferred.push(work) }),
  messages: { masterKey: generateMasterKey(), development: developmentChannel(join(dir, 'messages.log')) },
};
const app = onboardingApp({ passwordReset: passwordResetRouter });
const phone = (kind: 'account' | 'none', i: number) => `13${kind === 'account' ? 6 : 7}0000${String(i).padStart(4, '0')}`;
for (let i = 0; i < rounds + 3; i++) await addUser(database, 'yx', phone('account', i), '张三', [{ role: 'member', orgId: YX.branchA1 }]);

async function answerMs(asked: string, i: number): Promise<number> {
  const started = performance.now();
  const response = await app.request('http://localhost/api/identity/trpc/passwordReset.request', {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1' },
    body: JSON.stringify({ tenantId: 'yx', phone: asked }),
  }, { deps, peerAddress: `198.51.100.${i % 250}` });
  await response.json();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`answered ${response.status}`);
  // Let work deferred past the answer finish, so each request meets an idle database.
  while (deferred.length > 0) await deferred.shift()!();
  await new Promise((r) => setTimeout(r, 40));
  return ms;
}

const times = { account: [] as number[], none: [] as number[] };
for (let i = 0; i < rounds + 3; i++) {
  // Which goes first alternates too, so neither kind always follows the other's deferred work.
  const [a, n] = i % 2 === 0
    ? [await answerMs(phone('account', i), 2 * i), await answerMs(phone('none', i), 2 * i + 1)]
    : [await answerMs(phone('none', i), 2 * i + 1), await answerMs(phone('account', i), 2 * i)].reverse() as [number, number];
  if (i < 3) continue; // warm-up
  times.account.push(a);
  times.none.push(n);
}
const q = (xs: number[], p: number) => [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!.toFixed(1);
console.log(`router: ${routerModule}; ${rounds} rounds, alternating; deferred work ${process.env.DEFER === 'detached' ? 'detached' : 'after the answer'}`);
console.log('phone            median   p10    p90    max (ms to the answer)');
for (const [name, xs] of Object.entries(times)) console.log(`${name === 'account' ? 'with an account ' : 'without account '} ${q(xs, 0.5).padStart(6)} ${q(xs, 0.1).padStart(6)} ${q(xs, 0.9).padStart(6)} ${q(xs, 1).padStart(6)}`);
await database.close();
await rm(dir, { recursive: true, force: true });
