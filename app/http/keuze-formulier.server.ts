import { json } from "@remix-run/node";
import type { Gebruiker } from "../domain/actor";
import type { FoutDetail } from "../domain/errors";
import { gun } from "../domain/gunning.server";
import { ketenStand } from "../domain/iwmo/keten.server";
import { bevestigKeuze, kies, leesKeuzes } from "../domain/keuzes.server";
import { lijstOvernames } from "../domain/personeelsovernames.server";
import { nieuweRonde, volgendeRonde } from "../domain/rondes.server";
import { leesToewijzing } from "../domain/toewijzingen.server";
import { lijstUitnodigingen, maakUitnodiging, trekUitnodigingIn } from "../domain/uitnodigingen.server";
import { GEEN_AANBOD, GunningSchema, KeuzeSchema, UitnodigingSchema } from "../schemas/keuze";
import { getypteWaarden } from "../schemas/formulier";
import { parseInvoer } from "../schemas/parse";
import { metWaarden, naar, verwerk } from "./formulier.server";
import { getal, tekst } from "../schemas/formulier";

/** The form intents of the "Keuze en gunning" section on the consulent's request page. */
const KEUZE_INTENTS = [
  "uitnodigen",
  "uitnodiging-intrekken",
  "kiezen",
  "bevestigen",
  "gunnen",
  "nieuwe-ronde",
] as const;

export const isKeuzeIntent = (intent: unknown): intent is (typeof KEUZE_INTENTS)[number] =>
  KEUZE_INTENTS.includes(intent as never);

/**
 * Runs one of those intents. The invite's code is answered as data, never put in a redirect URL
 * or stored: the consulent reads it once and passes it on. Everything else redirects.
 */
export async function keuzeActie(consulent: Gebruiker, id: string, formulier: FormData, paginaUrl: string) {
  const pagina = `/consulent/hulpvragen/${id}`;
  const intent = formulier.get("intent");
  const waarden = getypteWaarden(formulier);
  const uitkomst = await verwerk(async () => {
    if (intent === "uitnodigen") {
      const u = await maakUitnodiging(
        consulent,
        id,
        parseInvoer(UitnodigingSchema, {
          vertegenwoordiger: tekst(formulier, "vertegenwoordiger"),
          email: tekst(formulier, "email"),
          geldigDagen: getal(formulier, "geldigDagen"),
        }),
      );
      // Without PUBLIC_URL the link is relative; the consulent passes on a full address.
      return { ...u, url: new URL(u.url, paginaUrl).href };
    }
    if (intent === "uitnodiging-intrekken") {
      await trekUitnodigingIn(consulent, String(formulier.get("uitnodigingId") ?? ""));
      throw naar(pagina, "De uitnodiging is ingetrokken. De code werkt niet meer.");
    }
    if (intent === "kiezen") {
      const keuze = tekst(formulier, "keuze");
      const geen = keuze === GEEN_AANBOD;
      // Closing the round cannot be undone: without the confirming second submit nothing is stored.
      if (geen && formulier.get("bevestigd") !== "ja") return { bevestigGeen: true as const };
      await kies(
        consulent,
        id,
        parseInvoer(KeuzeSchema, {
          offerId: geen ? null : keuze,
          motivation: tekst(formulier, "motivation"),
          clientAbsentReason: tekst(formulier, "clientAbsentReason"),
        }),
      );
      throw naar(
        pagina,
        geen
          ? "Deze ronde is gesloten zonder gunning: geen passend aanbod. De aanbieders hebben bericht gekregen."
          : "Uw keuze is vastgelegd.",
      );
    }
    if (intent === "bevestigen") {
      await bevestigKeuze(consulent, id);
      throw naar(
        pagina,
        "U heeft de motivatie bevestigd. Er kan nu gegund worden; de cliënt ziet de keuze en de uitleg.",
      );
    }
    if (intent === "gunnen") {
      await gun(
        consulent,
        id,
        parseInvoer(GunningSchema, {
          motivation: tekst(formulier, "gunningMotivatie"),
          beschikkingNummer: tekst(formulier, "beschikkingNummer") || undefined,
          beschikkingDatum: tekst(formulier, "beschikkingDatum") || undefined,
        }),
      );
      throw naar(pagina, "De hulpvraag is gegund. De aanbieders hebben bericht gekregen en de toewijzing staat klaar.");
    }
    if (intent === "nieuwe-ronde") {
      const nieuw = await nieuweRonde(consulent, id, {});
      throw naar(
        `/consulent/hulpvragen/${nieuw.id}/bewerken`,
        "De nieuwe ronde staat klaar als concept. Pas aan wat nodig is en publiceer.",
      );
    }
    throw new Response("Onbekende handeling", { status: 400 });
  });
  if (uitkomst instanceof Response) return metWaarden(uitkomst, waarden);
  if ("bevestigGeen" in uitkomst)
    return json({ ok: false as const, bevestigGeen: true as const, melding: "", fouten: [] as FoutDetail[], waarden });
  return json({ ok: true as const, uitnodiging: uitkomst, melding: "", fouten: [] as FoutDetail[], waarden });
}

/** What "Keuze en gunning" shows: invites, both choices, and after the round the award or the next round. */
export async function keuzeGegevens(consulent: Gebruiker, id: string, status: string) {
  const [uitnodigingen, keuzes, toewijzing, overnames, volgende] = await Promise.all([
    lijstUitnodigingen(consulent, id),
    leesKeuzes(consulent, id),
    status === "gegund" ? leesToewijzing(consulent, id, "json") : null,
    status === "gegund" ? lijstOvernames(consulent, { hulpvraagId: id }) : [],
    status === "geen_passend_aanbod" ? volgendeRonde(consulent, id) : null,
  ]);
  const t = toewijzing?.formaat === "json" ? toewijzing.inhoud : null;
  const keten = t ? await ketenStand(consulent, t.toewijzingId) : null;
  return {
    uitnodigingen,
    keuzes: { client: keuzes.client ?? null, consulent: keuzes.consulent ?? null, eens: Boolean(keuzes.eens) },
    // Four eyes: the one who chose waits for a colleague; any other consulent may confirm.
    ikKoos: keuzes.consulent?.chosenBy === consulent.id,
    toewijzing: t && {
      toewijzingId: t.toewijzingId,
      hulpvraagId: t.hulpvraagId,
      toegewezenOp: t.toegewezenOp,
      aanbieder: t.aanbieder,
      redenWijziging: t.redenWijziging,
      periode: t.periode,
      beschikking: keten!.beschikking,
    },
    keten,
    overname: overnames[0] ?? null,
    volgendeRonde: volgende,
  };
}
