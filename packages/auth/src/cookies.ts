/** The session cookie: `<tenantId>.<token>`; the tenant lets identity open the right tenant transaction. */
export const SESSION_COOKIE = 'tx_session';
/** The access token cookie every service reads. */
export const ACCESS_COOKIE = 'tx_access';
/** tRPC mutations must carry it: a cross-site form cannot set a custom header. */
export const CSRF_HEADER = 'x-tongxin-request';
