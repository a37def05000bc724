/** The client: birth date, name and the address the provider needs to find her. */
import type { Regel } from "../regel";
import { geldigeDatum, jarenTerug } from "./datum";

export const TR002: Regel = {
  code: "TR002",
  omschrijving: "Geboortedatum mag niet meer dan 120 jaar voor de Dagtekening liggen.",
  controleer: (b) => {
    const geboren = geldigeDatum(b.client.geboortedatum);
    const dag = geldigeDatum(b.header.dagtekening);
    if (!geboren || !dag) return [];
    return geboren < jarenTerug(dag, 120)
      ? [`Geboortedatum ${geboren} ligt meer dan 120 jaar voor de dagtekening.`]
      : [];
  },
};

export const TR134: Regel = {
  code: "TR134",
  omschrijving: "Geboortedatum en Toewijzingsdatum: een bestaande datum die niet groter is dan de Dagtekening.",
  controleer: (b) => {
    const dag = geldigeDatum(b.header.dagtekening);
    if (!dag) return ["Dagtekening is geen bestaande datum."];
    const p: string[] = [];
    const geboren = b.client.geboortedatum;
    if (!geldigeDatum(geboren)) p.push("Geboortedatum is geen bestaande datum.");
    else if (geboren! > dag) p.push(`Geboortedatum ${geboren} ligt na de dagtekening ${dag}.`);
    for (const pr of b.producten) {
      if (!geldigeDatum(pr.toewijzingsdatum))
        p.push(`Product ${pr.positie}: Toewijzingsdatum is geen bestaande datum.`);
      else if (pr.toewijzingsdatum! > dag)
        p.push(`Product ${pr.positie}: Toewijzingsdatum ${pr.toewijzingsdatum} ligt na de dagtekening ${dag}.`);
    }
    return p;
  },
};

export const RS045: Regel = {
  code: "RS045",
  omschrijving: "Voorletters aaneengesloten vullen (zonder punten of spaties).",
  controleer: (b) =>
    b.client.voorletters !== null && /[.\s]/.test(b.client.voorletters)
      ? [`Voorletters "${b.client.voorletters}" bevatten punten of spaties.`]
      : [],
};

export const CS050: Regel = {
  code: "CS050",
  omschrijving: "Met Partnernaam: NaamGebruik 1, 2, 3 of 4; zonder: 1 of 6 (6 niet bij een cliënt, CS318).",
  controleer: (b) => {
    const g = b.client.naamGebruik;
    const toegestaan = b.client.partnernaam ? ["1", "2", "3", "4"] : ["1"];
    return g !== null && toegestaan.includes(g)
      ? []
      : [`NaamGebruik "${g ?? ""}" past niet bij de naam van de cliënt.`];
  },
};

export const TR061: Regel = {
  code: "TR061",
  omschrijving: "Bij een Client minimaal één adres met Soort 01 (BRP), 02 (correspondentie) of 03 (verblijf).",
  controleer: (b) =>
    b.client.contacten.some((c) => ["01", "02", "03"].includes(c.soort ?? ""))
      ? []
      : ["De cliënt heeft geen BRP-, correspondentie- of verblijfadres."],
};

export const TR006: Regel = {
  code: "TR006",
  omschrijving: "Contact bevat een Telefoon en/of de combinatie Huis en Postcode.",
  controleer: (b) =>
    b.client.contacten.flatMap((c, i) =>
      c.telefoon || (c.huis && c.postcode)
        ? []
        : [`Contact ${i + 1} heeft geen telefoonnummer en geen huisnummer met postcode.`],
    ),
};

export const CD025: Regel = {
  code: "CD025",
  omschrijving: "Als LandCode NL is, is Huis (met Huisnummer) verplicht.",
  controleer: (b) =>
    b.client.contacten.flatMap((c, i) =>
      c.landCode === "NL" && !(c.huis && c.huis.huisnummer && /^\d{1,5}$/.test(c.huis.huisnummer))
        ? [`Contact ${i + 1}: een Nederlands adres zonder huisnummer.`]
        : [],
    ),
};

export const CD034: Regel = {
  code: "CD034",
  omschrijving: "Bij een BRP-adres (01) of verblijfadres (03) is Postcode verplicht.",
  controleer: (b) =>
    b.client.contacten.flatMap((c, i) =>
      ["01", "03"].includes(c.soort ?? "") && !c.postcode ? [`Contact ${i + 1}: het adres heeft geen postcode.`] : [],
    ),
};

export const CS089: Regel = {
  code: "CS089",
  omschrijving: "Bij LandCode NL heeft de Postcode de vorm van een Nederlandse postcode (1234AB).",
  controleer: (b) =>
    b.client.contacten.flatMap((c, i) =>
      c.landCode === "NL" && c.postcode !== null && !/^[1-9]\d{3}[A-Z]{2}$/.test(c.postcode)
        ? [`Contact ${i + 1}: "${c.postcode}" is geen Nederlandse postcode (1234AB).`]
        : [],
    ),
};

export const CD005: Regel = {
  code: "CD005",
  omschrijving: "Als Postcode gevuld is, LandCode verplicht vullen, anders leeg laten.",
  controleer: (b) =>
    b.client.contacten.flatMap((c, i) =>
      (c.postcode !== null) !== (c.landCode !== null)
        ? [`Contact ${i + 1}: Postcode en LandCode horen samen gevuld of samen leeg.`]
        : [],
    ),
};
