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

export type Wachtrij = { audits: UitgesteldeAudit[] };

const wachtrijen = new WeakMap<object, Wachtrij>();

export function openWachtrij(tx: object): Wachtrij {
  const w: Wachtrij = { audits: [] };
  wachtrijen.set(tx, w);
  return w;
}

export const wachtrijVan = (tx: object): Wachtrij | undefined => wachtrijen.get(tx);
