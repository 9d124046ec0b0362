import { hasRole, isCityTenant, secretaryOrgIds, type AccessClaims } from '@tongxin/auth';
import { tenantTransaction, type Scope, type Shape, type Tx } from '@tongxin/db';
import { initTRPC, TRPCError } from '@trpc/server';
import type { Context } from './context.ts';
import { asServiceError } from './database-errors.ts';
import { badField, DomainError } from '@tongxin/errors';
import { formatError, toTRPCError } from './errors.ts';
import { badStringPath } from './input-strings/input-strings.ts';

// The one initTRPC of the project (house style §2): base procedures carry the permission,
// so a handler that runs may run.
// isDev: false keeps stack traces out of responses in every environment.
const t = initTRPC.context<Context>().create({ errorFormatter: formatError, isDev: false });

/**
 * Every procedure starts here: strings PostgreSQL cannot store (NUL) or that are not
 * well-formed UTF-16 (a lone surrogate) are BAD_REQUEST naming the field, before any
 * procedure's own schema or handler sees them. A DomainError thrown below (a domain
 * function, a later middleware) becomes its TRPCError here, the one place (`toTRPCError`).
 */
const base = t.procedure.use(async ({ getRawInput, next }) => {
  const path = badStringPath(await getRawInput().catch(() => undefined));
  if (path) throw toTRPCError(badField(path, 'unstorable_character'));
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) throw toTRPCError(result.error.cause);
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

type ProcedureType = 'query' | 'mutation' | 'subscription';
type Transact = <T>(work: (tx: Tx) => Promise<T>, shape?: Shape) => Promise<T>;

/**
 * The procedure's transaction (issue 16, packages/db/src/unit/). A query's is a `read`: on a
 * server each statement carries the scope in its own round trip, with its own snapshot. A
 * mutation's is a `write`: one transaction. A mutation whose work is one statement (one SQL
 * function call) may ask for a `unit`: scope and statement in one round trip, atomic. A query
 * that needs one snapshot across statements, or a lock, asks for `write`.
 */
function transactFor(ctx: Context, scope: Scope, type: ProcedureType): Transact {
  const byType: Shape = type === 'query' ? 'read' : 'write';
  return (work, shape = byType) =>
    tenantTransaction(ctx.deps.database, scope, work, shape).catch((error: unknown) => {
      throw asServiceError(error);
    });
}

/**
 * Anyone. `tenantTx` opens a transaction in a tenant the caller names (login). `systemTx`
 * opens it tenant-wide, for the few public flows that must find a person before anyone is
 * logged in (an activation code, an invitation, a password reset): the single-use secret
 * the caller holds is their gate, checked by the procedure before anything is shown.
 */
export const publicProcedure = base.use(({ ctx, type, next }) =>
  next({
    ctx: {
      tenantTx: (tenantId: string | null) => transactFor(ctx, { tenantId }, type),
      systemTx: (tenantId: string) => transactFor(ctx, { tenantId, tenantWide: true }, type),
    },
  }),
);

function requireClaims(ctx: Context): AccessClaims {
  if (!ctx.claims) throw new DomainError('session_ended', { message: 'Not logged in or the session has expired' });
  return ctx.claims;
}

/** Any logged-in user; sees only their own rows. */
export const authedProcedure = base.use(({ ctx, type, next }) => {
  const claims = requireClaims(ctx);
  return next({ ctx: { claims, tx: transactFor(ctx, { tenantId: claims.tenantId, userId: claims.userId }, type) } });
});

function forbidden(role: string): never {
  throw new DomainError('role_required', { params: { role }, message: `This needs the ${role} role` });
}

/**
 * A county's caller: members, secretaries and departments act in a county. A city's
 * department holds no members or orgs and reads only the rollups its counties granted, through
 * `cityProcedure` (issue 15): every county procedure refuses it outright rather than answer
 * an empty county.
 */
function requireCountyClaims(ctx: Context): AccessClaims {
  const claims = requireClaims(ctx);
  if (isCityTenant(claims.tenantId)) forbidden('county');
  return claims;
}

/** A party member: their own rows (RLS matches user_id). */
export const memberProcedure = base.use(({ ctx, type, next }) => {
  const claims = requireCountyClaims(ctx);
  if (!hasRole(claims.roles, 'member')) forbidden('member');
  return next({ ctx: { claims, tx: transactFor(ctx, { tenantId: claims.tenantId, userId: claims.userId }, type) } });
});

/** A secretary: the subtrees of the orgs they hold (RLS reads app.org_ids). */
export const secretaryProcedure = base.use(({ ctx, type, next }) => {
  const claims = requireCountyClaims(ctx);
  const orgIds = secretaryOrgIds(claims.roles);
  if (orgIds.length === 0) forbidden('secretary');
  const scope = { tenantId: claims.tenantId, userId: claims.userId, orgIds };
  return next({ ctx: { claims, orgIds, tx: transactFor(ctx, scope, type) } });
});

/** The organization department of the tenant: the whole tenant. */
export const departmentProcedure = base.use(({ ctx, type, next }) => {
  const claims = requireCountyClaims(ctx);
  if (!hasRole(claims.roles, 'department')) forbidden('department');
  const scope = { tenantId: claims.tenantId, userId: claims.userId, tenantWide: true };
  return next({ ctx: { claims, tx: transactFor(ctx, scope, type) } });
});

/**
 * A city's organization department (issue 15): its tenant is a city (`isCityTenant`). Its
 * transaction is tenant-wide in the city, where RLS shows it the rollups of exactly the
 * counties whose grant to this city stands in the service's copy, and nothing else of theirs.
 * A county's department is FORBIDDEN here.
 */
export const cityProcedure = base.use(({ ctx, type, next }) => {
  const claims = requireClaims(ctx);
  if (!isCityTenant(claims.tenantId) || !hasRole(claims.roles, 'department')) forbidden('city department');
  const scope = { tenantId: claims.tenantId, userId: claims.userId, tenantWide: true };
  return next({ ctx: { claims, tx: transactFor(ctx, scope, type) } });
});

/**
 * The platform operator (tenant `platform`): the registry of tenants and the invitations
 * of their administrators, across tenants, and nothing of any county's people.
 */
export const operatorProcedure = base.use(({ ctx, type, next }) => {
  const claims = requireClaims(ctx);
  if (!hasRole(claims.roles, 'operator') || claims.tenantId !== 'platform') forbidden('operator');
  const scope = { tenantId: claims.tenantId, userId: claims.userId, operator: true };
  return next({ ctx: { claims, tx: transactFor(ctx, scope, type) } });
});

export type ActingRole = 'member' | 'secretary' | 'department';

/** Who calls, in the roles a procedure lets them act in. */
export interface Caller {
  tenantId: string;
  userId: string;
  /** Acts for the department: the whole tenant. */
  department: boolean;
  /** Orgs whose subtrees the caller holds as secretary (empty when not acting as one). */
  orgIds: string[];
  /** Acts as a member: their own record. */
  member: boolean;
}

/** The caller's orgs as the scope predicates take them: null when acting for the department (the whole tenant). */
export const scopeOf = (caller: Pick<Caller, 'department' | 'orgIds'>): readonly string[] | null => (caller.department ? null : caller.orgIds);

/**
 * For actions several roles may take (a member for themself, a secretary in their subtree,
 * the department tenant-wide). The transaction carries the union of the scopes the caller
 * holds among `allowed`, so RLS shows exactly the rows one of those roles may see; a caller
 * holding none of them is FORBIDDEN before any handler runs.
 */
export function actingProcedure(...allowed: ActingRole[]) {
  return base.use(({ ctx, type, next }) => {
    const claims = requireCountyClaims(ctx);
    const caller: Caller = {
      tenantId: claims.tenantId,
      userId: claims.userId,
      department: allowed.includes('department') && hasRole(claims.roles, 'department'),
      orgIds: allowed.includes('secretary') ? secretaryOrgIds(claims.roles) : [],
      member: allowed.includes('member') && hasRole(claims.roles, 'member'),
    };
    if (!caller.department && caller.orgIds.length === 0 && !caller.member) forbidden(allowed.join(' or '));
    const scope = { tenantId: caller.tenantId, userId: caller.userId, orgIds: caller.orgIds, tenantWide: caller.department };
    return next({ ctx: { claims, caller, tx: transactFor(ctx, scope, type) } });
  });
}

/**
 * A secretary or the department: the roster's staff pages. `orgIds` is null for the
 * department (the whole tenant), else the secretary's orgs.
 */
export const staffProcedure = actingProcedure('secretary', 'department').use(({ ctx, type, next }) =>
  next({
    ctx: {
      orgIds: ctx.caller.department ? null : ctx.caller.orgIds,
      staffRole: ctx.caller.department ? ('department' as const) : ('secretary' as const),
    },
  }),
);
