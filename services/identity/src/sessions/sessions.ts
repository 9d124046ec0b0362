import { generateSessionToken, isSessionLive, sessionIdFromToken, slideExpiry } from '@tongxin/auth';
import type { Tx } from '@tongxin/db';
import { and, eq } from 'drizzle-orm';
import { sessions } from '../schema.ts';

export interface LiveSession {
  id: string;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
}

/** Creates a session; returns the token for the cookie (only its hash is stored). */
export async function createSession(tx: Tx, tenantId: string, userId: string, now: Date): Promise<{ token: string; session: LiveSession }> {
  const token = generateSessionToken();
  const session = { id: sessionIdFromToken(token), userId, createdAt: now, expiresAt: slideExpiry(now, now) };
  await tx.insert(sessions).values({ tenantId, ...session });
  return { token, session };
}

/** The session for a token if it is live, with its idle expiry slid forward; expired ones are deleted. */
export async function validateSession(tx: Tx, tenantId: string, token: string, now: Date): Promise<LiveSession | null> {
  const id = sessionIdFromToken(token);
  const [row] = await tx.select().from(sessions).where(and(eq(sessions.tenantId, tenantId), eq(sessions.id, id)));
  if (!row) return null;
  if (!isSessionLive(now, row)) {
    await tx.delete(sessions).where(and(eq(sessions.tenantId, tenantId), eq(sessions.id, id)));
    return null;
  }
  const expiresAt = slideExpiry(now, row.createdAt);
  await tx.update(sessions).set({ expiresAt }).where(and(eq(sessions.tenantId, tenantId), eq(sessions.id, id)));
  return { ...row, expiresAt };
}

export async function endSession(tx: Tx, tenantId: string, sessionId: string): Promise<void> {
  await tx.delete(sessions).where(and(eq(sessions.tenantId, tenantId), eq(sessions.id, sessionId)));
}

export async function endUserSessions(tx: Tx, tenantId: string, userId: string): Promise<void> {
  await tx.delete(sessions).where(and(eq(sessions.tenantId, tenantId), eq(sessions.userId, userId)));
}
