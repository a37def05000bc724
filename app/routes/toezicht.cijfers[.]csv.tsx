import type { LoaderFunctionArgs } from "@remix-run/node";
import { vereisGebruiker } from "../auth/guards.server";
import { marktcijfers } from "../domain/toezicht.server";
import { csv, csvAntwoord } from "../http/csv.server";
import { regelNaam } from "../components/regelnamen";
import { statusTekst } from "../components/ui";
import { JaarSchema } from "../schemas/toezicht";
import { zodDetails } from "../schemas/parse";

/**
 * The supervisor's figures as one CSV (long form: part, subject, figure, value), as on the
 * page; `?jaar=2026` gives one year's, as in the yearly report.
 */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const toezichthouder = vereisGebruiker(context, request, "toezichthouder");
  const gevraagd = new URL(request.url).searchParams.get("jaar");
  const jaar = JaarSchema.safeParse({ jaar: gevraagd?.trim() || undefined });
  if (!jaar.success) {
    return Response.json(
      { error: { code: "invalid_input", message: "Het jaar is niet goed ingevuld.", details: zodDetails(jaar.error) } },
      { status: 422 },
    );
  }
  const c = await marktcijfers(toezichthouder, jaar.data.jaar);
  const rijen: (string | number | null)[][] = [
    ...Object.entries(c.hulpvragenPerStatus).map(([s, n]) => ["Hulpvragen per status", statusTekst(s), "Aantal", n]),
    ["Aanbiedingen", "Gepubliceerde hulpvragen", "Aantal", c.aanbiedingenPerHulpvraag.gepubliceerdeHulpvragen],
    ["Aanbiedingen", "Aanbiedingen per hulpvraag", "Gemiddeld", c.aanbiedingenPerHulpvraag.gemiddeld],
    ["Aanbiedingen", "Aanbiedingen per hulpvraag", "Mediaan", c.aanbiedingenPerHulpvraag.mediaan],
    ["Gunningen", "Gunningen", "Aantal", c.tijdTotGunning.gunningen],
    ["Gunningen", "Tijd van publicatie tot gunning", "Mediaan in uren", c.tijdTotGunning.mediaanUren],
    [
      "Gunningen",
      "Zonder de cliënt (cliënt kan niet meebeslissen)",
      "Aantal",
      c.gunningenZonderOvereenstemming.clientKanNietMeebeslissen,
    ],
    [
      "Gunningen",
      "Tegen de voorkeur van de cliënt (door een collega bevestigd)",
      "Aantal",
      c.gunningenZonderOvereenstemming.tegenVoorkeurVanClient,
    ],
    ...c.gunningenPerAanbieder.flatMap((g) => [
      ["Gunningen per aanbieder", g.naam, "Gunningen", g.gunningen],
      ["Gunningen per aanbieder", g.naam, "Waarvan als consortiumlid", g.viaConsortium],
      ["Gunningen per aanbieder", g.naam, "Aandeel (%)", g.aandeel],
    ]),
    ...c.personeelsovernames.flatMap((o) => [
      ["Personeelsovernames", `${o.naam} ${o.jaar}`, "Medewerkers met baanaanbod", o.medewerkersMetToezegging],
      ["Personeelsovernames", `${o.naam} ${o.jaar}`, "Medewerkers zonder baanaanbod", o.medewerkersZonderToezegging],
    ]),
    ...c.personeelsplafond.items.flatMap((k) => [
      ["Personeelsplafond", `${k.aanbiederNaam} ${k.jaar}`, "Plafond (medewerkers)", k.toegestaan],
      ["Personeelsplafond", `${k.aanbiederNaam} ${k.jaar}`, "Zonder baanaanbod vertrokken", k.gebruikt],
      ["Personeelsplafond", `${k.aanbiederNaam} ${k.jaar}`, "Ruimte", k.ruimte],
    ]),
    ...Object.entries(c.weigeringenPerRegel).map(([code, n]) => [
      "Weigeringen per regel",
      `${regelNaam(code)} (${code})`,
      "Aantal",
      n,
    ]),
    ...c.signalen.map((s) => ["Signalen", s.tekst, "Hulpvragen", s.hulpvraagIds.join(" ")]),
  ];
  return csvAntwoord(
    `marktcijfers_${c.gemeenteId}_${jaar.data.jaar ?? "alles"}.csv`,
    csv(["Onderdeel", "Onderwerp", "Cijfer", "Waarde"], rijen),
  );
}
