import { and, eq, ne } from "drizzle-orm";
import { aanbiedingen, toewijzingen } from "../../db/schema";
import { db } from "../../db/client.server";
import { aanbiedingenVan } from "./zichtbaarheid.server";
import type { ClientActor } from "./actor";
import { lijstAanbiedingen } from "./aanbiedingen.server";
import type { aanbiedingVoorClient } from "./aanbieding-weergave";
import { leesHulpvraag } from "./hulpvragen.server";
import { bezwaarTot } from "./beschikking";
import { besluitTegenVoorkeur, GEEN_PASSEND_AANBOD_BERICHT, KIEZEN_TOT_GUNNING, leesKeuzes } from "./keuzes.server";

/**
 * What happens to the client's current caregiver with an offer: the current aanbieder delivers it
 * (`blijft`), the new one offers the caregiver a job (`overname`), or a new caregiver (`nieuw`).
 * Null when the client has no care yet.
 */
export type Hulpverlener = "blijft" | "overname" | "nieuw" | null;

/** The client's page in one read: their request, the offers in plain words, their own preference and the outcome. */
export async function clientOverzicht(client: ClientActor) {
  const hulpvraag = await leesHulpvraag(client, client.hulpvraagId);
  const [lijst, keuze, anders] = await Promise.all([
    lijstAanbiedingen(client, client.hulpvraagId),
    leesKeuzes(client, client.hulpvraagId),
    besluitTegenVoorkeur(client.hulpvraagId),
  ]);
  // For a client actor the list holds the plain-language view only.
  const offers = lijst as ReturnType<typeof aanbiedingVoorClient>[];
  const huidig = hulpvraag.huidigeZorg?.aanbiederId ?? null;
  const metHuidige = huidig ? await aanbiedingenMetAanbieder(client.hulpvraagId, huidig) : new Set<string>();
  const aanbod = offers.map((a) => ({
    ...a,
    hulpverlener: (!huidig
      ? null
      : metHuidige.has(a.id)
        ? "blijft"
        : a.overnameHulpverlener
          ? "overname"
          : "nieuw") as Hulpverlener,
  }));
  const gegund = aanbod.find((a) => a.status === "gegund") ?? null;
  const beschikking = hulpvraag.status === "gegund" ? await beschikkingVan(client.hulpvraagId) : null;
  return {
    hulpvraag: {
      // The results by name only: their notes are the consulent's professional text for providers, not for the client.
      status: hulpvraag.status,
      resultaten: hulpvraag.resultaten.map((r) => ({ code: r.code })),
      clientTekst: "clientTekst" in hulpvraag ? hulpvraag.clientTekst : "",
      startdatum: hulpvraag.startdatum,
      duurMaanden: hulpvraag.duurMaanden,
      deadline: hulpvraag.deadline,
      heeftHuidigeZorg: Boolean(huidig),
    },
    aanbod,
    voorkeur: keuze.client
      ? { offerId: keuze.client.offerId, opmerking: keuze.client.comment, bewaardOp: keuze.client.updatedAt }
      : null,
    kanKiezen: KIEZEN_TOT_GUNNING.includes(hulpvraag.status),
    // The gemeente chose differently and a second staff member confirmed why: the client is told, with the way to object.
    andereKeuze: anders && (hulpvraag.status === "gekozen" || hulpvraag.status === "gegund") ? anders : null,
    uitkomst:
      hulpvraag.status === "gegund" && gegund
        ? { soort: "gegund" as const, aanbieding: gegund, beschikking }
        : hulpvraag.status === "geen_passend_aanbod"
          ? { soort: "geen" as const, bericht: GEEN_PASSEND_AANBOD_BERICHT }
          : hulpvraag.status === "ingetrokken"
            ? { soort: "ingetrokken" as const }
            : null,
  };
}
export type ClientOverzicht = Awaited<ReturnType<typeof clientOverzicht>>;

/** Offers the client's current aanbieder takes part in: as bidder or as a member of the bidding consortium. */
async function aanbiedingenMetAanbieder(hulpvraagId: string, aanbiederId: string): Promise<Set<string>> {
  const rijen = await db()
    .select({ id: aanbiedingen.id })
    .from(aanbiedingen)
    .where(
      and(
        eq(aanbiedingen.hulpvraagId, hulpvraagId),
        ne(aanbiedingen.status, "ingetrokken"),
        aanbiedingenVan(aanbiederId),
      ),
    );
  return new Set(rijen.map((r) => r.id));
}

/** The decision the client may object to: its number, its date and the last day to object (six weeks). */
async function beschikkingVan(hulpvraagId: string) {
  const [t] = await db()
    .select({ nummer: toewijzingen.beschikkingNummer, datum: toewijzingen.beschikkingDatum })
    .from(toewijzingen)
    .where(eq(toewijzingen.hulpvraagId, hulpvraagId));
  if (!t?.nummer || !t.datum) return null;
  return { nummer: t.nummer, datum: t.datum, bezwaarTot: bezwaarTot(t.datum) };
}
