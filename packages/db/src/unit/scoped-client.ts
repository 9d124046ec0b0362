import { StatementBook, UnitQuery, type DriverQuery, type Step } from './unit-query.ts';

/**
 * The two shapes of a tenant transaction on a server (issue 16):
 * - `read` (tRPC queries): every statement goes out as scope + statement in one Sync, one
 *   round trip each. Each statement sees its own snapshot: a handler that needs one snapshot
 *   or `FOR UPDATE` across statements is a `write`.
 * - `write`: BEGIN and the scope ride with the first statement, COMMIT after the last:
 *   N + 1 round trips for N statements.
 * - `unit`: the statements issued together (`Promise.all`, in one turn of the event loop),
 *   with the scope, in one Sync: one round trip, one implicit transaction, all or nothing.
 *   Each statement sees the ones before it. A statement issued after they were sent (one that
 *   needs an earlier one's answer) is refused: that is a `write`.
 */
export type Shape = 'read' | 'write' | 'unit';

/** The scope's settings, in the order of SCOPE_TEXT's parameters. */
export const SCOPE_SETTINGS = ['role', 'app.tenant_id', 'app.user_id', 'app.org_ids', 'app.tenant_wide', 'app.operator'] as const;

// set_config(…, true) is SET LOCAL in a form that takes parameters: gone at the end of the
// (implicit or explicit) transaction.
const SCOPE_TEXT = `select ${SCOPE_SETTINGS.map((setting, index) => `set_config('${setting}', $${index + 1}, true)`).join(', ')}`;
const SCOPE_NAME = 'tongxin_scope';

/**
 * With RLS, planning is most of a small query's cost (design.md): statements are named, so a
 * connection parses and plans each text once. Names are per connection and used only here,
 * as the app role, never by the owner's handle. Past this many, new texts go unnamed.
 */
const MAX_NAMED = 500;
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;

interface QueryConfig {
  text: string;
  name?: string;
  values?: unknown[];
  [option: string]: unknown;
}

/** A pooled connection of node-postgres or of the Neon driver (its bundled node-postgres). */
export interface DriverClient {
  query(config: unknown, values?: unknown): unknown;
}

interface Pending {
  config: QueryConfig;
  values: unknown[] | undefined;
  resolve(result: unknown): void;
  reject(error: Error): void;
}

/** After the current turn's microtasks: every statement a `Promise.all` issues has arrived. */
const nextTurn: (work: () => void) => void = globalThis.setImmediate ?? ((work) => setTimeout(work, 0));

type QueryClass = new (config: QueryConfig, values?: unknown) => DriverQuery;

const EMPTY_RESULT = Object.freeze({ rows: [], fields: [], rowCount: 0, command: '' });

/**
 * What drizzle sees as its client on a pooled connection. Unarmed, it passes queries through.
 * Armed for a request, it holds drizzle's `begin` back, sends it with the scope in front of the
 * first statement (write), sends the scope in front of every statement and no `begin` at all
 * (read), or sends the scope and the statements issued together in one Sync (unit). Its class
 * name must not contain "Pool": drizzle would take it for a pool.
 */
export class ScopedClient {
  private armed:
    | { shape: Shape; scope: Step; begin: string | undefined; began: boolean; sent: boolean; batch: Pending[] | undefined; broken: Error | undefined }
    | undefined;
  private readonly book = new StatementBook();
  private named = 0;
  private readonly Query: QueryClass;

  constructor(private readonly client: DriverClient) {
    this.Query = (client.constructor as unknown as { Query: QueryClass }).Query;
  }

  arm(shape: Shape, values: readonly string[]) {
    this.armed = { shape, scope: { name: SCOPE_NAME, text: SCOPE_TEXT, values }, begin: undefined, began: false, sent: false, batch: undefined, broken: undefined };
  }

  /**
   * Ends the request. An error when the connection must not be reused: a transaction is still
   * open (its scope armed) or ending it failed.
   */
  disarm(): Error | undefined {
    const armed = this.armed;
    this.armed = undefined;
    if (!armed) return undefined;
    // A unit's statements not yet sent when its work settled (it failed in the same turn) are
    // never sent: the send checks that the client is still armed for the same request.
    armed.sent = true;
    return armed.broken ?? (armed.began ? new Error('a tenant transaction was left open') : undefined);
  }

  query(config: string | QueryConfig, values?: unknown[]): Promise<unknown> {
    const armed = this.armed;
    // Outside a request nothing runs on this handle: a statement left running after its work
    // settled would run unscoped, as the login role, or with the next request's scope.
    if (!armed) return Promise.reject(new Error('a statement outside its tenant transaction'));
    const text = typeof config === 'string' ? config : config.text;
    const control = text.length < 64 ? text.trim().toLowerCase() : '';
    if (/^begin\b/.test(control) && !armed.began) {
      armed.begin = text;
      return Promise.resolve(EMPTY_RESULT);
    }
    if (control === 'commit' || control === 'rollback') {
      // Read units and a write that sent nothing have no transaction to end.
      if (!armed.began) return Promise.resolve(EMPTY_RESULT);
      armed.began = false;
      // A failed commit is the caller's error; a failed rollback is not: drizzle then rethrows
      // the work's own error, and the connection goes back broken.
      return (this.client.query(text) as Promise<unknown>).catch((error: Error) => {
        armed.broken = error;
        if (control === 'commit') throw error;
        return EMPTY_RESULT;
      });
    }
    const statement = typeof config === 'string' ? { text } : config;
    if (armed.shape === 'unit') return this.addToUnit(armed, statement, values);
    const prefix: Step[] = [];
    if (armed.shape === 'read') prefix.push(armed.scope);
    else if (!armed.began) {
      prefix.push({ text: armed.begin ?? 'begin' }, armed.scope);
      armed.began = true;
    }
    return new Promise((resolve, reject) => this.submit(prefix, [{ config: statement, values, resolve, reject }]));
  }

  /** Collects the unit's statements until the event loop turns, then sends them with the scope. */
  private addToUnit(armed: NonNullable<ScopedClient['armed']>, config: QueryConfig, values: unknown[] | undefined): Promise<unknown> {
    if (armed.sent) return Promise.reject(new Error('a tenant unit sends its statements together: one that needs an earlier answer belongs in a write'));
    return new Promise((resolve, reject) => {
      if (!armed.batch) {
        armed.batch = [];
        nextTurn(() => {
          const batch = armed.batch!;
          if (this.armed !== armed) {
            for (const pending of batch) pending.reject(new Error('a tenant unit whose request ended before it was sent'));
            return;
          }
          armed.sent = true;
          this.submit([armed.scope], batch);
        });
      }
      armed.batch.push({ config, values, resolve, reject });
    });
  }

  private submit(prefix: Step[], batch: readonly Pending[]) {
    const statements = batch.map(({ config, values, resolve, reject }) => {
      const statement = new this.Query({ ...config, name: config.name ?? this.nameFor(config.text) }, values);
      let answered = false;
      statement.callback = (error, result) => {
        if (answered) return;
        answered = true;
        if (error) reject(error);
        else resolve(result);
      };
      return statement;
    });
    this.client.query(new UnitQuery(prefix, statements, this.book));
  }

  private nameFor(text: string): string | undefined {
    if (!PREPARABLE.test(text)) return undefined;
    const name = statementName(text);
    const { connection } = this.client as unknown as { connection: { parsedStatements: Record<string, string>; submittedNamedStatements?: Record<string, string> } };
    const known = connection.parsedStatements[name] ?? connection.submittedNamedStatements?.[name];
    if (known !== undefined) return known === text ? name : undefined; // a hash collision: unnamed
    if (this.named >= MAX_NAMED) return undefined;
    this.named += 1;
    return name;
  }
}

const names = new Map<string, string>();

/** A short name from the text (FNV-1a, 32 bits, and the length): the same text, the same name. */
function statementName(text: string): string {
  let name = names.get(text);
  if (name) return name;
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  name = `tx_${(hash >>> 0).toString(36)}_${text.length.toString(36)}`;
  if (names.size > 5000) names.clear();
  names.set(text, name);
  return name;
}
