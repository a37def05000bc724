/**
 * A WMO301 message read back from its XML, so the rules check what is really sent (or any file
 * handed to `npm run iwmo:check`), not our own data before it was written. Values stay text as
 * in the file; a missing element is null.
 */
import { DOMParser, type Element } from "@xmldom/xmldom";

export type Wmo301Contact = {
  soort: string | null;
  telefoon: boolean;
  huis: { huisnummer: string | null; huisletter: string | null; toevoeging: string | null } | null;
  postcode: string | null;
  landCode: string | null;
};

export type Wmo301Product = {
  positie: number; // 1-based, for the messages
  nummer: string | null;
  categorie: string | null;
  code: string | null;
  toewijzingsdatum: string | null;
  ingangsdatum: string | null;
  einddatum: string | null;
  redenWijziging: string | null;
  omvang: { volume: string | null; eenheid: string | null; frequentie: string | null } | null;
  budget: string | null;
  commentaar: string | null;
};

export type Wmo301Bericht = {
  ruw: string;
  header: {
    berichtCode: string | null;
    berichtVersie: string | null;
    berichtSubversie: string | null;
    afzender: string | null;
    ontvanger: string | null;
    identificatie: string | null;
    dagtekening: string | null;
  };
  client: {
    bsn: string | null;
    geboortedatum: string | null;
    geslacht: string | null;
    achternaam: string | null;
    voorletters: string | null;
    naamGebruik: string | null;
    partnernaam: boolean;
    commentaar: string | null;
    contacten: Wmo301Contact[];
  };
  producten: Wmo301Product[];
};

const kinderen = (el: Element | null, naam: string): Element[] =>
  el
    ? Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === naam)
    : [];
const kind = (el: Element | null, ...pad: string[]): Element | null =>
  pad.reduce<Element | null>((e, naam) => kinderen(e, naam)[0] ?? null, el);
const tekst = (el: Element | null, ...pad: string[]): string | null => {
  const e = kind(el, ...pad);
  return e ? (e.textContent ?? "") : null;
};

export class OnleesbaarBericht extends Error {}

/** Reads the message; throws OnleesbaarBericht when it is no XML or no WMO301 at all. */
export function leesWmo301(xml: string): Wmo301Bericht {
  let wortel: Element | null;
  let eerste: string | null = null;
  try {
    const doc = new DOMParser({
      onError: (niveau, bericht) => {
        if (niveau === "warning") return;
        eerste ??= bericht;
        throw new Error(bericht);
      },
    }).parseFromString(xml.replace(/^\uFEFF/, ""), "text/xml");
    wortel = doc.documentElement;
  } catch (e) {
    throw new OnleesbaarBericht(`Geen leesbare XML: ${(eerste ?? (e as Error).message).split("\n")[0]}`);
  }
  if (!wortel || wortel.localName !== "Bericht") throw new OnleesbaarBericht("Het hoofdelement is geen Bericht.");
  const header = kind(wortel, "Header");
  const client = kind(wortel, "Client");
  return {
    ruw: xml,
    header: {
      berichtCode: tekst(header, "BerichtCode"),
      berichtVersie: tekst(header, "BerichtVersie"),
      berichtSubversie: tekst(header, "BerichtSubversie"),
      afzender: tekst(header, "Afzender"),
      ontvanger: tekst(header, "Ontvanger"),
      identificatie: tekst(header, "BerichtIdentificatie", "Identificatie"),
      dagtekening: tekst(header, "BerichtIdentificatie", "Dagtekening"),
    },
    client: {
      bsn: tekst(client, "Bsn"),
      geboortedatum: tekst(client, "Geboortedatum", "Datum"),
      geslacht: tekst(client, "Geslacht"),
      achternaam: tekst(client, "Naam", "Geslachtsnaam", "Achternaam"),
      voorletters: tekst(client, "Naam", "Voorletters"),
      naamGebruik: tekst(client, "Naam", "NaamGebruik"),
      partnernaam: kind(client, "Naam", "Partnernaam") !== null,
      commentaar: tekst(client, "Commentaar"),
      contacten: kinderen(kind(client, "Contactgegevens"), "Contact").map((c) => {
        const huis = kind(c, "Adres", "Huis");
        return {
          soort: tekst(c, "Soort"),
          telefoon: kind(c, "Telefoon") !== null,
          huis: huis && {
            huisnummer: tekst(huis, "Huisnummer"),
            huisletter: tekst(huis, "Huisletter"),
            toevoeging: tekst(huis, "HuisnummerToevoeging"),
          },
          postcode: tekst(c, "Adres", "Postcode"),
          landCode: tekst(c, "Adres", "LandCode"),
        };
      }),
    },
    producten: kinderen(kind(client, "ToegewezenProducten"), "ToegewezenProduct").map((p, i) => {
      const omvang = kind(p, "Omvang");
      return {
        positie: i + 1,
        nummer: tekst(p, "ToewijzingNummer"),
        categorie: tekst(p, "Product", "Categorie"),
        code: tekst(p, "Product", "Code"),
        toewijzingsdatum: tekst(p, "Toewijzingsdatum"),
        ingangsdatum: tekst(p, "Ingangsdatum"),
        einddatum: tekst(p, "Einddatum"),
        redenWijziging: tekst(p, "RedenWijziging"),
        omvang: omvang && {
          volume: tekst(omvang, "Volume"),
          eenheid: tekst(omvang, "Eenheid"),
          frequentie: tekst(omvang, "Frequentie"),
        },
        budget: tekst(p, "Budget"),
        commentaar: tekst(p, "Commentaar"),
      };
    }),
  };
}
