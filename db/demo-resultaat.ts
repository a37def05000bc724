import { and, eq } from "drizzle-orm";
import type { Tx } from "./client.server";
import * as s from "./schema";
import { DEMO_AANBIEDERS, DEMO_GEMEENTEN, demoProductcodes } from "./demo";

const dag = (d: Date) => d.toISOString().slice(0, 10);
const maandenTerug = (n: number, extraDagen = 0) => {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() - n);
  d.setUTCDate(d.getUTCDate() - extraDagen);
  return d;
};

/**
 * One awarded request of Winterswijk whose care started four months ago, so that the demo shows
 * the results check of 3 months (the clock opens it at the start; the client record has no
 * e-mail address, so the consulent sees the code to hand over). Fictitious person, test BSN.
 */
export async function seedVoorbeeldToewijzing(tx: Tx) {
  const g = DEMO_GEMEENTEN[0];
  const thuiszorg = DEMO_AANBIEDERS[0];
  const aanbiederId = `ab_${thuiszorg.slug.replace(/-/g, "_")}`;
  const [consulent] = await tx
    .select({ id: s.gebruikers.id })
    .from(s.gebruikers)
    .where(and(eq(s.gebruikers.email, "consulent@winterswijk.demo")));
  const [planner] = await tx
    .select({ id: s.gebruikers.id })
    .from(s.gebruikers)
    .where(eq(s.gebruikers.email, "planning@thuiszorg-achterhoek.demo"));
  const start = dag(maandenTerug(4));
  const einde = dag(new Date(Date.parse(`${start}T00:00:00Z`) + 364 * 86400_000));
  // One piece of "schoon en leefbaar huis" a month (outputgericht), a little above the code's tariff.
  const code = demoProductcodes(g.id).find((c) => c.categorie === "01" && c.variant === "outputgericht")!;
  const prijs = code.tarief + 2500;
  const client = {
    id: "cl_demo_resultaat",
    gemeenteId: g.id,
    naam: "Johanna Voorbeeld",
    voorletters: "J",
    achternaam: "Voorbeeld",
    geslacht: "2" as const,
    bsn: "999990019",
    straat: "Demostraat",
    huisnummer: "1",
    postcode: "7101 ZZ",
    woonplaats: "Winterswijk",
    geboortedatum: "1944-05-01",
    aangemaaktDoor: consulent.id,
  };
  await tx.insert(s.clienten).values(client);
  await tx.insert(s.hulpvragen).values({
    id: "hv_demo_resultaat",
    gemeenteId: g.id,
    clientId: client.id,
    consulentId: consulent.id,
    status: "gegund",
    regio: "7101",
    leeftijdsklasse: "75-84",
    huishouden: "alleenstaand",
    toelichting: "Voorbeeld van een gegunde hulpvraag: de zorg loopt, de eerste resultaatcheck staat klaar.",
    resultaten: [
      { code: "schoon_huis", toelichting: "Het huis is schoon en veilig." },
      { code: "schone_kleding", toelichting: "De was is elke week gedaan." },
    ],
    productcategorieen: ["01"],
    startdatum: start,
    duurMaanden: 12,
    deadline: maandenTerug(5),
    gepubliceerdOp: maandenTerug(5, 7),
    createdAt: maandenTerug(5, 10),
  });
  const component = {
    aanbiederId,
    productcategorie: "01",
    omschrijving: "Elke week het huis schoonmaken en de was doen, samen met de cliënt.",
    resultaten: ["schoon_huis", "schone_kleding"],
    productcode: code.code,
    uitvoeringsvariant: code.variant,
    omvang: 1,
    eenheid: code.eenheid,
    frequentie: code.frequentie,
    prijsPerEenheidCent: prijs,
    prijsPerMaandCent: prijs,
    reeelTariefCent: code.tarief,
  };
  await tx.insert(s.aanbiedingen).values({
    id: "ao_demo_resultaat",
    hulpvraagId: "hv_demo_resultaat",
    aanbiederId,
    status: "gegund",
    startdatum: start,
    einddatum: einde,
    cao: "vvt",
    dienstverband: "loondienst",
    samenvatting: "Wij maken elke week het huis schoon en doen de was, samen met u.",
    componenten: [component],
    prijsPerMaandCent: prijs,
    ingediendDoor: planner.id,
  });
  await tx.insert(s.toewijzingen).values({
    id: "tw_demo_resultaat",
    hulpvraagId: "hv_demo_resultaat",
    aanbiedingId: "ao_demo_resultaat",
    gemeenteId: g.id,
    aanbiederId,
    toegewezenDoor: consulent.id,
    toegewezenOp: maandenTerug(4, 14),
    iwmoStatus: "ontvangen",
    zorgGestartOp: start,
    inhoud: {
      toewijzingId: "tw_demo_resultaat",
      hulpvraagId: "hv_demo_resultaat",
      toegewezenOp: maandenTerug(4, 14).toISOString(),
      gemeente: { id: g.id, naam: g.naam, code: g.code },
      client: {
        bsn: client.bsn,
        naam: client.naam,
        geboortedatum: client.geboortedatum,
        postcode: client.postcode,
        huisnummer: client.huisnummer,
        straat: client.straat,
        woonplaats: client.woonplaats,
        geslacht: client.geslacht,
        voorletters: client.voorletters,
        achternaam: client.achternaam,
      },
      aanbieder: { id: aanbiederId, naam: thuiszorg.naam, agb: thuiszorg.agb, kvk: thuiszorg.kvk },
      consortium: null,
      redenWijziging: null,
      resultaatomschrijving: "Schoon en leefbaar huis; schone en draagbare kleding",
      componenten: [
        {
          aanbiederId,
          productcategorie: "01",
          productcode: code.code,
          uitvoeringsvariant: code.variant,
          tariefPerEenheidCent: prijs,
          omschrijving: component.omschrijving,
          startdatum: start,
          einddatum: einde,
          volume: { omvang: 1, eenheid: code.eenheid, frequentie: code.frequentie },
          budgetCent: null,
          toewijzingNummer: 900_000_000,
        },
      ],
      totaalPerMaandCent: prijs,
    },
  });
}
