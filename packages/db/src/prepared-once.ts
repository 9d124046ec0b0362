import type { Tx } from './database.ts';

/**
 * A drizzle prepared query built once per connection instead of once per call. Building a
 * query (its SQL text, its column mapping) is CPU in drizzle on every call: for `roster.me` it
 * was a tenth of the server's CPU under the `me` benchmark (issue 16's profile). A prepared
 * query belongs to the session it was built on; on a server every pooled connection keeps one
 * session for its life (open-database.ts), so the query is built once per connection. On
 * PGlite each transaction has a session of its own and the query is built each time, as before.
 */
export function preparedOnce<Q>(build: (tx: Tx) => Q): (tx: Tx) => Q {
  const built = new WeakMap<object, Q>();
  return (tx) => {
    const session = (tx as unknown as { session: object }).session;
    let query = built.get(session);
    if (!query) built.set(session, (query = build(tx)));
    return query;
  };
}
