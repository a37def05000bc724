/** Rules across the products of one message: no stacking, no doubles, unique numbers, no free text. */
import type { Wmo301Product } from "../bericht";
import type { Regel } from "../regel";
import { verwijderd } from "./product";

const OPEN = "9999-12-31";
const overlapt = (a: Wmo301Product, b: Wmo301Product) =>
  (a.ingangsdatum ?? "") <= (b.einddatum ?? OPEN) && (b.ingangsdatum ?? "") <= (a.einddatum ?? OPEN);
// Categories 11–14 (hulpmiddelen, woningaanpassingen) may overlap, even on category level.
const MAG_STAPELEN = new Set(["11", "12", "13", "14"]);

export const TR302: Regel = {
  code: "TR302",
  omschrijving: "Een Product komt alleen vaker in een toewijzingsbericht voor als de zorgperiodes niet overlappen.",
  controleer: (b) => {
    const p: string[] = [];
    const actueel = b.producten.filter((x) => !verwijderd(x));
    actueel.forEach((x, i) =>
      actueel.slice(i + 1).forEach((y) => {
        const zelfde = x.code
          ? x.code === y.code && x.categorie === y.categorie
          : x.categorie
            ? !y.code && x.categorie === y.categorie && !MAG_STAPELEN.has(x.categorie)
            : !MAG_STAPELEN.has(y.categorie ?? "");
        if (zelfde && overlapt(x, y))
          p.push(
            `Product ${x.positie} en ${y.positie} (${x.code ?? x.categorie ?? "zonder product"}) overlappen in tijd: één productregel per code en periode.`,
          );
      }),
    );
    return p;
  },
};

export const TR101: Regel = {
  code: "TR101",
  omschrijving: "Binnen een bericht zijn dubbele regels niet toegestaan.",
  controleer: (b) => {
    const gezien = new Map<string, number>();
    return b.producten.flatMap((p) => {
      const { positie: _, ...inhoud } = p;
      const sleutel = JSON.stringify(inhoud);
      const eerder = gezien.get(sleutel);
      gezien.set(sleutel, eerder ?? p.positie);
      return eerder ? [`Product ${p.positie} is een dubbele regel van product ${eerder}.`] : [];
    });
  },
};

export const TR332: Regel = {
  code: "TR332",
  omschrijving: "Ieder ToegewezenProduct binnen één gemeente heeft een uniek ToewijzingNummer.",
  controleer: (b) => {
    const gezien = new Map<string, number>();
    return b.producten.flatMap((p) => {
      if (p.nummer === null) return [];
      const eerder = gezien.get(p.nummer);
      if (eerder === undefined) gezien.set(p.nummer, p.positie);
      return eerder !== undefined
        ? [`Product ${p.positie} heeft hetzelfde ToewijzingNummer ${p.nummer} als product ${eerder}.`]
        : [];
    });
  },
};

export const OP191: Regel = {
  code: "OP191",
  omschrijving:
    "Ongestructureerde informatie tot een minimum beperken; geen tot een persoon herleidbare gegevens in Commentaar.",
  controleer: (b) => {
    const teksten = [b.client.commentaar, ...b.producten.map((p) => p.commentaar)].filter((c): c is string => !!c);
    const verboden = [
      b.client.bsn,
      b.client.geboortedatum,
      b.client.achternaam && b.client.achternaam.length >= 2 ? b.client.achternaam : null,
    ].filter((x): x is string => !!x);
    return teksten.some(
      (t) =>
        verboden.some((v) => t.toLowerCase().includes(v.toLowerCase())) ||
        /\b\d{9}\b|\b\d{4}\s?[A-Z]{2}\b|@|\b0\d{9}\b/.test(t),
    )
      ? ["Commentaar bevat persoonsgegevens (BSN, naam, geboortedatum, postcode, telefoon of e-mail)."]
      : [];
  },
};
