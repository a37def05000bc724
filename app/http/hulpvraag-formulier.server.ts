import { zoekClienten } from "../domain/clienten.server";
import { leesHulpvraag } from "../domain/hulpvragen.server";
import type { HulpvraagVoorGemeente } from "../domain/hulpvraag-weergave";
import { nietGevonden, ofNietGevonden } from "./gevonden.server";
import { lijstContracten } from "../domain/contracten.server";
import { leesRegelboek } from "../domain/regelboek.server";
import { gemeenteVan, type Gebruiker } from "../domain/actor";

/** What the request form offers to choose from: the gemeente's clients and contracted aanbieders, and its deadline rules. */
export async function formulierKeuzes(consulent: Gebruiker) {
  const [clienten, contracten, regelboek] = await Promise.all([
    zoekClienten(consulent),
    lijstContracten(consulent),
    leesRegelboek(gemeenteVan(consulent)),
  ]);
  const aanbieders = new Map(contracten.map((c) => [c.contract.aanbiederId, c.aanbiederNaam]));
  return {
    clienten: clienten.map((c) => ({ id: c.id, naam: c.naam, geboortedatum: c.geboortedatum })),
    aanbieders: [...aanbieders].map(([id, naam]) => ({ id, naam })).sort((a, b) => a.naam.localeCompare(b.naam, "nl")),
    regels: {
      deadlineSpoedUren: regelboek.deadlineSpoedUren,
      deadlineRegulierWerkdagen: regelboek.deadlineRegulierWerkdagen,
    },
  };
}

/** The gemeente's own view of one request; a request of another gemeente is a 404 page. */
export async function leesVoorConsulent(consulent: Gebruiker, id: string) {
  const h = await ofNietGevonden(leesHulpvraag(consulent, id));
  if (!("clientId" in h)) throw nietGevonden();
  return h as HulpvraagVoorGemeente;
}
