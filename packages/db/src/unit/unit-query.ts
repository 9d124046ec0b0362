/**
 * One round trip for the scope and the statement (issue 16; design.md, "Probed facts: the
 * tenant unit"). PostgreSQL runs every extended-protocol message before a Sync as one
 * implicit transaction, so `set_config(…, true)` followed by the work's statement, each as
 * Parse/Bind/Execute, then ONE Sync, holds the scope for the statement and drops it at the
 * Sync exactly as SET LOCAL does at COMMIT.
 *
 * This is a custom query object that `client.query()` of node-postgres (and of the Neon
 * driver, which bundles it) accepts. The work's statement is the driver's own `Query`, so
 * values, type parsers and row modes are exactly the driver's; the unit only sends the
 * prefix steps first and hides their replies from it.
 */

/** A prefix step: sent before the statement, its rows ignored. */
export interface Step {
  text: string;
  name?: string | undefined;
  values?: readonly (string | null)[];
}

/** What a connection of either driver offers (node-postgres' `Connection`). */
interface WireConnection {
  parsedStatements: Record<string, string>;
  /** node-postgres ≥ 8.14 only: Parses sent and not yet confirmed. */
  submittedNamedStatements?: Record<string, string>;
  parse(message: { text: string; name?: string | undefined; types?: unknown }): void;
  bind(message: { statement?: string | undefined; portal?: string; values?: readonly unknown[] }): void;
  execute(message: { portal?: string; rows?: number }): void;
  close(message: { type: 'S' | 'P'; name: string }): void;
  sync(): void;
  stream: { cork?: () => void; uncork?: () => void; destroy?: () => void };
}

/** The driver's own query object: the handlers its client calls, and `prepare`. */
export interface DriverQuery {
  name?: string | undefined;
  text: string;
  /** Rows per Execute (a portal read in pages); unset: all, and a Sync after the Execute. */
  rows?: number | undefined;
  callback?: ((error: Error | null, result?: unknown) => void) | undefined;
  prepare(connection: WireConnection): void;
  handleRowDescription(message: unknown): void;
  handleDataRow(message: unknown): void;
  handleCommandComplete(message: unknown, connection: WireConnection): void;
  handleEmptyQuery(connection: WireConnection): void;
  handlePortalSuspended(connection: WireConnection): void;
  handleError(error: Error, connection: WireConnection): void;
  handleReadyForQuery(connection: WireConnection): void;
}

/**
 * Named statements of one connection whose existence is unknown: a unit that failed on the
 * step that parsed it may or may not have created it. The next Parse of such a name is
 * preceded by a Close, which is not an error when there is nothing to close.
 */
export class StatementBook {
  readonly uncertain = new Set<string>();
}

/**
 * A statement of a unit the driver refused to send (a value it could not bind): the ones before
 * it must not commit alone, and node-postgres has already written a Sync behind it (still
 * corked). The connection is destroyed: what was not sent never is, and the server rolls back
 * an implicit transaction whose Sync never came. Without a socket to destroy, a statement that
 * cannot parse and a Sync end it with an error instead.
 */
function abandon(connection: WireConnection) {
  if (connection.stream.destroy) return connection.stream.destroy();
  connection.parse({ text: 'tenant unit abandoned: a value could not be sent' });
  connection.sync();
}

/** A statement longer than this many rows would be cut short (execute's row limit, see submit). */
const ALL_ROWS = 2_147_483_647;

export class UnitQuery {
  private prefixDone = 0;
  /** Statements whose CommandComplete came (an error after the last is the implicit commit's). */
  private statementsDone = 0;
  /** Named statements this unit parses (Parse sent), in step order: [step index, name, text]. */
  private readonly parsing: [number, string, string][] = [];

  /**
   * `statements` are the driver's queries, sent in order after the prefix steps, with ONE Sync
   * after the last: one implicit transaction for all of them. Each answers its own caller.
   */
  constructor(
    private readonly prefix: readonly Step[],
    private readonly statements: readonly DriverQuery[],
    private readonly book: StatementBook,
  ) {}

  submit(connection: WireConnection): null {
    connection.stream.cork?.();
    let refused = false;
    try {
      this.prefix.forEach((step, index) => {
        this.parseIfNeeded(connection, index, step.name, step.text);
        connection.bind({ statement: step.name, portal: '', values: step.values ?? [] });
        connection.execute({ portal: '', rows: 0 });
      });
      const last = this.statements.length - 1;
      const several = last > 0;
      for (const [index, statement] of this.statements.entries()) {
        if (refused) break;
        const { name, text } = statement;
        // The driver's prepare parses unless the name is known: forget it when uncertain.
        if (name) this.parseIfNeeded(connection, this.prefix.length + index, name, text, true);
        // The driver's prepare ends a statement with a Sync unless it reads a row count at a
        // time; with a count no statement reaches, it ends with a Flush, and the one Sync comes
        // with the last statement. Its handler would Sync after each CommandComplete when it
        // reads by count: the count is taken away again once the messages are out.
        const callback = statement.callback;
        if (several) {
          statement.callback = (error, result) => {
            if (error) refused = true; // a value the driver could not bind: nothing went to the server
            callback?.(error, result);
          };
        }
        if (index < last) statement.rows = ALL_ROWS;
        statement.prepare(connection);
        statement.rows = undefined;
        statement.callback = callback;
      }
      if (refused) abandon(connection);
    } finally {
      connection.stream.uncork?.();
    }
    return null;
  }

  private parseIfNeeded(connection: WireConnection, index: number, name: string | undefined, text: string, driverParses = false) {
    if (!name) {
      if (!driverParses) connection.parse({ text });
      return;
    }
    const uncertain = this.book.uncertain.delete(name);
    if (uncertain) {
      delete connection.parsedStatements[name];
      delete connection.submittedNamedStatements?.[name];
      connection.close({ type: 'S', name });
    }
    if (connection.parsedStatements[name] !== undefined || connection.submittedNamedStatements?.[name] !== undefined) return;
    this.parsing.push([index, name, text]);
    if (!driverParses) connection.parse({ text, name });
  }

  private get current(): DriverQuery | undefined {
    return this.statements[this.statementsDone];
  }

  // The prefix steps send no Describe: their rows come without a description and are skipped.
  handleRowDescription(message: unknown) {
    this.current?.handleRowDescription(message);
  }
  handleDataRow(message: unknown) {
    if (this.prefixDone === this.prefix.length) this.current?.handleDataRow(message);
  }
  handleCommandComplete(message: unknown, connection: WireConnection) {
    if (this.prefixDone < this.prefix.length) this.prefixDone += 1;
    else {
      this.current?.handleCommandComplete(message, connection);
      this.statementsDone += 1;
    }
  }
  handleEmptyQuery(connection: WireConnection) {
    this.current?.handleEmptyQuery(connection);
    this.statementsDone += 1;
  }
  handlePortalSuspended(connection: WireConnection) {
    this.current?.handlePortalSuspended(connection);
  }
  handleCopyInResponse(connection: { sendCopyFail(message: string): void }) {
    connection.sendCopyFail('COPY is not supported in a tenant unit');
  }
  handleCopyData() {}

  /**
   * A server error: the driver has already dropped this query as its active one (no
   * ReadyForQuery will reach it), so the unit finishes here, every statement with the error:
   * the implicit transaction is rolled back, theirs included. The steps before the failing
   * one parsed; the failing one may have; the ones after did not (the server skips to Sync).
   */
  handleError(error: Error, connection: WireConnection) {
    const failed = this.prefixDone + this.statementsDone;
    for (const [index, name, text] of this.parsing) {
      if (index < failed) this.remember(connection, name, text);
      else {
        delete connection.parsedStatements[name];
        delete connection.submittedNamedStatements?.[name];
        if (index === failed) this.book.uncertain.add(name);
      }
    }
    for (const statement of this.statements) statement.handleError(error, connection);
  }

  handleReadyForQuery(connection: WireConnection) {
    for (const [, name, text] of this.parsing) this.remember(connection, name, text);
    for (const statement of this.statements) statement.handleReadyForQuery(connection);
  }

  private remember(connection: WireConnection, name: string, text: string) {
    connection.parsedStatements[name] = text;
    delete connection.submittedNamedStatements?.[name];
  }
}
