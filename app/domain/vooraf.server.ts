import type postgres from "postgres";
import type { Executor, Tx } from "../../db/client.server";

type Voorbereid = { execute: (waarden?: Record<string, unknown>) => Promise<unknown> };

/**
 * A hot query built once and run in any transaction. drizzle builds a query's SQL text and
 * result mapping anew on every call, and sends it unnamed (`prepare: false`), so PostgreSQL
 * parses and plans it every time as well. A query made with `.prepare()` and `sql.placeholder`
 * is built once and named, so the `postgres` driver prepares it once per connection; but it is
 * bound to the pool, and an offer runs in a transaction. This keeps the built query and runs it
 * on the transaction's connection. It leans on drizzle-orm's postgres-js session (the
 * transaction's `session.client`, the prepared query's `client`), pinned in package.json;
 * tests/integration/aanbiedingen runs every query made with it.
 */
export function vooraf<Q extends Voorbereid>(bouw: () => Q) {
  let gebouwd: Q | undefined;
  return (tx: Tx, waarden: Record<string, unknown>): ReturnType<Q["execute"]> => {
    gebouwd ??= bouw();
    const client = (tx as unknown as { session: { client: unknown } }).session.client;
    const inTx: Q = Object.assign(Object.create(Object.getPrototypeOf(gebouwd) as object) as Q, gebouwd, { client });
    return inTx.execute(waarden) as ReturnType<Q["execute"]>;
  };
}

/**
 * A statement of constant text with `$n` parameters, sent named (prepared once per connection)
 * on the executor's own connection: for the raw SQL every write runs before its commit.
 */
export function voorbereid<R>(executor: Executor, tekst: string, params: (string | number)[] = []): Promise<R[]> {
  const client = (executor as unknown as { session: { client: postgres.Sql } }).session.client;
  return client.unsafe(tekst, params, { prepare: true }) as unknown as Promise<R[]>;
}
