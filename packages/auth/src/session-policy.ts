/** Idle expiry slides on use; the absolute limit does not (issue 3). */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;

/** The idle expiry after a use at `now`, never past the absolute limit. */
export function slideExpiry(now: Date, createdAt: Date): Date {
  return new Date(Math.min(now.getTime() + SESSION_IDLE_MS, createdAt.getTime() + SESSION_ABSOLUTE_MS));
}

export function isSessionLive(now: Date, session: { expiresAt: Date; createdAt: Date }): boolean {
  return now < session.expiresAt && now.getTime() < session.createdAt.getTime() + SESSION_ABSOLUTE_MS;
}
