/**
 * What a transaction appends to the shared, ordered logs (the audit chain and the live feeds).
 * Both need a lock that every writer shares; collecting the rows here and writing them in a
 * few statements just before the commit keeps that lock held for milliseconds, not for the
 * whole transaction, so many offers can commit per second in one gemeente.
 */
export type UitgesteldeAudit = {
  at: Date;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  actie: string;
  entiteit: string;
  entiteitId: string;
  gemeenteId: string | null;
  hulpvraagId: string | null;
  voor: unknown;
  na: unknown;
};

/** `lopend`: statements already sent that nothing waits for yet; the commit waits for them. */
export type Wachtrij = { audits: UitgesteldeAudit[]; lopend: Promise<unknown>[] };

const wachtrijen = new WeakMap<object, Wachtrij>();

export function openWachtrij(tx: object): Wachtrij {
  const w: Wachtrij = { audits: [], lopend: [] };
  wachtrijen.set(tx, w);
  return w;
}

export const wachtrijVan = (tx: object): Wachtrij | undefined => wachtrijen.get(tx);

/**
 * Sends a write that nothing in the transaction reads back without waiting for its answer, so it
 * shares a round trip with what follows. `inTransactie` waits for it before the commit, and a
 * failure still rolls the transaction back.
 */
export function uitstellen(tx: object, statement: Promise<unknown>): void {
  const wachtrij = wachtrijVan(tx);
  if (!wachtrij) throw new Error("uitstellen kan alleen binnen inTransactie");
  statement.catch(() => {}); // observed here; inTransactie awaits it and sees the failure
  wachtrij.lopend.push(statement);
}
