/**
 * The answer to an access request (AVG art. 15): everything Zorgveiling stores about one
 * client, as one JSON document, for staff of the client's own gemeente.
 */
import { and, asc, eq, inArray, or } from "drizzle-orm";
import {
  aanbiedingen,
  aanbiedingVersies,
  auditLog,
  clienten,
  gemeenten,
  hulpvragen,
  keuzes,
  personeelsovernames,
  resultaatchecks,
  resultaatoordelen,
  toewijzingen,
  uitnodigingen,
} from "../../db/schema";
import type { Tx } from "../../db/client.server";
import { gemeenteVan, vereisRol, type Actor } from "./actor";
import { schrijfAudit } from "./audit.server";
import { DomainError } from "./errors";
import { inTransactie } from "./live.server";

const TOELICHTING =
  "Dit zijn alle gegevens die Zorgveiling over deze cliënt bewaart: het cliëntregister, de hulpvragen, de aanbiedingen daarop, " +
  "de keuzes, de uitnodigingen (zonder codes), de toewijzingen, de resultaatchecks met de antwoorden en de regels uit de audittrail over de cliënt en de hulpvragen.";

export async function inzageExport(actor: Actor, clientId: string) {
  const medewerker = vereisRol(actor, "consulent", "beheerder");
  const gemeenteId = gemeenteVan(medewerker);
  return inTransactie(async (tx) => {
    const [client] = await tx
      .select()
      .from(clienten)
      .where(and(eq(clienten.id, clientId), eq(clienten.gemeenteId, gemeenteId)));
    if (!client) throw new DomainError("not_found");
    const [gemeente] = await tx.select().from(gemeenten).where(eq(gemeenten.id, gemeenteId));
    const vragen = await tx
      .select()
      .from(hulpvragen)
      .where(eq(hulpvragen.clientId, clientId))
      .orderBy(asc(hulpvragen.createdAt));
    const ids = vragen.map((h) => h.id);
    const document = {
      soort: "avg-inzage",
      gemaaktOp: new Date().toISOString(),
      gemeente: { id: gemeente.id, naam: gemeente.naam },
      toelichting: TOELICHTING,
      client,
      hulpvragen: vragen,
      ...(await perHulpvraag(tx, ids)),
      audittrail: await tx
        .select()
        .from(auditLog)
        .where(
          or(
            and(eq(auditLog.entiteit, "client"), eq(auditLog.entiteitId, clientId)),
            ids.length ? inArray(auditLog.hulpvraagId, ids) : undefined,
          ),
        )
        .orderBy(asc(auditLog.id)),
    };
    // Who looked at the whole record is itself worth knowing; the entry holds no personal data.
    await schrijfAudit(tx, medewerker, {
      actie: "client.inzage_geexporteerd",
      entiteit: "client",
      entiteitId: clientId,
      gemeenteId,
    });
    return document;
  });
}

async function perHulpvraag(tx: Tx, ids: string[]) {
  if (ids.length === 0)
    return {
      aanbiedingen: [],
      aanbiedingVersies: [],
      keuzes: [],
      uitnodigingen: [],
      toewijzingen: [],
      personeelsovernames: [],
      resultaatchecks: [],
      resultaatoordelen: [],
    };
  const aanbod = await tx
    .select()
    .from(aanbiedingen)
    .where(inArray(aanbiedingen.hulpvraagId, ids))
    .orderBy(asc(aanbiedingen.createdAt));
  return {
    aanbiedingen: aanbod,
    aanbiedingVersies: aanbod.length
      ? await tx
          .select()
          .from(aanbiedingVersies)
          .where(
            inArray(
              aanbiedingVersies.aanbiedingId,
              aanbod.map((a) => a.id),
            ),
          )
          .orderBy(asc(aanbiedingVersies.createdAt))
      : [],
    keuzes: await tx.select().from(keuzes).where(inArray(keuzes.hulpvraagId, ids)),
    // The code itself is never stored; its HMAC is left out too, it opens nothing but is no business of the reader.
    uitnodigingen: await tx
      .select({
        id: uitnodigingen.id,
        hulpvraagId: uitnodigingen.hulpvraagId,
        vertegenwoordiger: uitnodigingen.vertegenwoordiger,
        geldigTot: uitnodigingen.geldigTot,
        ingetrokkenOp: uitnodigingen.ingetrokkenOp,
        aangemaaktDoor: uitnodigingen.aangemaaktDoor,
        createdAt: uitnodigingen.createdAt,
      })
      .from(uitnodigingen)
      .where(inArray(uitnodigingen.hulpvraagId, ids))
      .orderBy(asc(uitnodigingen.createdAt)),
    toewijzingen: await tx.select().from(toewijzingen).where(inArray(toewijzingen.hulpvraagId, ids)),
    personeelsovernames: await tx
      .select()
      .from(personeelsovernames)
      .where(inArray(personeelsovernames.hulpvraagId, ids)),
    // Without the (encrypted) code, like the invites.
    resultaatchecks: await tx
      .select({
        id: resultaatchecks.id,
        hulpvraagId: resultaatchecks.hulpvraagId,
        maanden: resultaatchecks.maanden,
        peildatum: resultaatchecks.peildatum,
        perEmail: resultaatchecks.perEmail,
        clientBeantwoordOp: resultaatchecks.clientBeantwoordOp,
        consulentBeoordeeldOp: resultaatchecks.consulentBeoordeeldOp,
      })
      .from(resultaatchecks)
      .where(inArray(resultaatchecks.hulpvraagId, ids)),
    resultaatoordelen: await tx
      .select({ o: resultaatoordelen })
      .from(resultaatoordelen)
      .innerJoin(resultaatchecks, eq(resultaatchecks.id, resultaatoordelen.checkId))
      .where(inArray(resultaatchecks.hulpvraagId, ids))
      .then((rijen) => rijen.map((r) => r.o)),
  };
}

export const inzageBestandsnaam = (clientId: string) =>
  `inzage-${clientId}-${new Date().toISOString().slice(0, 10)}.json`;
