import { and, desc, eq, ilike, or } from "drizzle-orm";
import { clienten } from "../../db/schema";
import { db } from "../../db/client.server";
import { newId } from "../../db/schema/ids";
import { gemeenteVan, vereisRol, type Actor } from "./actor";
import { bevat } from "./zoeken";
import { isGeldigBsn } from "./anonymity";
import { schrijfAudit } from "./audit.server";
import { DomainError } from "./errors";
import { inTransactie } from "./live.server";
import type { ClientInvoer } from "../schemas/hulpvraag";

export type Client = typeof clienten.$inferSelect;

/** The protected record: only staff of the same gemeente ever read it. */
export async function registreerClient(actor: Actor, invoer: ClientInvoer): Promise<{ id: string }> {
  const consulent = vereisRol(actor, "consulent");
  const gemeenteId = gemeenteVan(consulent);
  const bsn = invoer.bsn.padStart(9, "0");
  if (!isGeldigBsn(bsn))
    throw new DomainError("invalid_input", [{ field: "bsn", message: "Dit BSN klopt niet (11-proef)." }]);
  if (invoer.geboortedatum > new Date().toISOString().slice(0, 10)) {
    throw new DomainError("invalid_input", [
      { field: "geboortedatum", message: "De geboortedatum ligt in de toekomst." },
    ]);
  }
  const id = newId("cl");
  await inTransactie(async (tx) => {
    await tx.insert(clienten).values({
      id,
      gemeenteId,
      naam: invoer.naam,
      bsn,
      geslacht: invoer.geslacht,
      voorletters: invoer.voorletters || null,
      voorvoegsel: invoer.voorvoegsel || null,
      achternaam: invoer.achternaam || null,
      straat: invoer.straat,
      huisnummer: invoer.huisnummer,
      huisletter: invoer.huisletter || null,
      huisnummertoevoeging: invoer.huisnummertoevoeging || null,
      postcode: invoer.postcode.replace(/\s/g, ""),
      woonplaats: invoer.woonplaats,
      geboortedatum: invoer.geboortedatum,
      telefoon: invoer.telefoon || null,
      email: invoer.email || null,
      aangemaaktDoor: consulent.id,
    });
    // The audit trail names the record, never its personal data.
    await schrijfAudit(tx, consulent, {
      actie: "client.geregistreerd",
      entiteit: "client",
      entiteitId: id,
      gemeenteId,
    });
  });
  return { id };
}

export async function leesClient(actor: Actor, id: string): Promise<Client> {
  const medewerker = vereisRol(actor, "consulent", "beheerder");
  const [client] = await db()
    .select()
    .from(clienten)
    .where(and(eq(clienten.id, id), eq(clienten.gemeenteId, gemeenteVan(medewerker))));
  if (!client) throw new DomainError("not_found");
  return client;
}

export async function zoekClienten(actor: Actor, zoek?: string) {
  const consulent = vereisRol(actor, "consulent");
  const gemeente = eq(clienten.gemeenteId, gemeenteVan(consulent));
  const term = zoek?.trim();
  return db()
    .select({
      id: clienten.id,
      naam: clienten.naam,
      woonplaats: clienten.woonplaats,
      geboortedatum: clienten.geboortedatum,
      createdAt: clienten.createdAt,
      gepseudonimiseerdOp: clienten.gepseudonimiseerdOp,
    })
    .from(clienten)
    .where(
      term ? and(gemeente, or(ilike(clienten.naam, bevat(term)), eq(clienten.bsn, term.padStart(9, "0")))) : gemeente,
    )
    .orderBy(desc(clienten.createdAt))
    .limit(100);
}
