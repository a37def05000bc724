import { eq, inArray } from "drizzle-orm";
import { aanbieders, aanbiedingen, consortia } from "../../db/schema";
import { db } from "../../db/client.server";
import type { AuditNamen } from "./auditzinnen";

/** Looks up the bidder and version of offers and the names of providers, for the audit sentences. */
export async function auditNamen(ids: { aanbiedingen: string[]; aanbieders: string[] }): Promise<AuditNamen> {
  const uit: AuditNamen = { aanbiedingen: {}, aanbieders: {} };
  if (ids.aanbiedingen.length) {
    const rijen = await db()
      .select({
        id: aanbiedingen.id,
        versie: aanbiedingen.versie,
        aanbieder: aanbieders.naam,
        consortium: consortia.naam,
      })
      .from(aanbiedingen)
      .innerJoin(aanbieders, eq(aanbieders.id, aanbiedingen.aanbiederId))
      .leftJoin(consortia, eq(consortia.id, aanbiedingen.consortiumId))
      .where(inArray(aanbiedingen.id, ids.aanbiedingen));
    for (const r of rijen)
      uit.aanbiedingen[r.id] = { bieder: r.consortium ? `consortium ${r.consortium}` : r.aanbieder, versie: r.versie };
  }
  if (ids.aanbieders.length) {
    const rijen = await db()
      .select({ id: aanbieders.id, naam: aanbieders.naam })
      .from(aanbieders)
      .where(inArray(aanbieders.id, ids.aanbieders));
    for (const r of rijen) uit.aanbieders[r.id] = r.naam;
  }
  return uit;
}
