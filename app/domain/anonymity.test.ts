import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  isGeldigBsn,
  isGeldigeIban,
  normaliseer,
  zoekIdentificerendeGegevens,
  type ClientKenmerken,
  type VondstSoort,
} from "./anonymity";

// "This year" is fixed so the birth-date window (year ≤ 2023) does not drift with the clock.
const opties = { nu: new Date("2026-11-23T10:00:00Z") };
const client: ClientKenmerken = {
  naam: "Maria van den Berg-Müller",
  straat: "Dorpsstraat 12",
  huisnummer: "12",
  postcode: "7141 AB",
  woonplaats: "Groenlo",
  geboortedatum: "1941-03-12",
};

/** "soort:match" of every finding in one text. */
function vind(tekst: string, metClient?: ClientKenmerken): string[] {
  return zoekIdentificerendeGegevens({ toelichting: tekst }, metClient, opties).map((v) => `${v.soort}:${v.match}`);
}

function soorten(tekst: string, metClient?: ClientKenmerken): VondstSoort[] {
  return zoekIdentificerendeGegevens({ toelichting: tekst }, metClient, opties).map((v) => v.soort);
}

describe("isGeldigBsn", () => {
  it("applies the 11-proef with weight -1 on the last digit", () => {
    assert.equal(isGeldigBsn("123456782"), true);
    assert.equal(isGeldigBsn("111222333"), true);
    assert.equal(isGeldigBsn("123456789"), false);
    assert.equal(isGeldigBsn("123456783"), false);
  });

  it("pads 8 digits, accepts separators, refuses zeros and other lengths", () => {
    assert.equal(isGeldigBsn("12345672"), true);
    assert.equal(isGeldigBsn("012345672"), true);
    assert.equal(isGeldigBsn("1234.56.782"), true);
    assert.equal(isGeldigBsn("000000000"), false);
    assert.equal(isGeldigBsn("1234567"), false);
    assert.equal(isGeldigBsn("1234567820"), false);
    assert.equal(isGeldigBsn("12345678a"), false);
  });
});

describe("zoekIdentificerendeGegevens: general patterns", () => {
  it("finds BSNs in any common notation, not numbers failing the 11-proef", () => {
    assert.deepEqual(vind("BSN 123456782, 1234.56.782, 123 456 782, 123-456-782 en 12345672"), [
      "bsn:123456782",
      "bsn:1234.56.782",
      "bsn:123 456 782",
      "bsn:123-456-782",
      "bsn:12345672",
    ]);
    assert.deepEqual(vind("dossier 123456789, 000000000, 1234567820"), []);
    assert.deepEqual(vind("budget € 123.456.782"), []);
  });

  it("finds e-mail addresses, also lightly obfuscated", () => {
    assert.deepEqual(vind("Mail j.de-vries+wmo@zorg.example.nl of jan at example dot nl of piet(at)thuis(punt)nl."), [
      "email:j.de-vries+wmo@zorg.example.nl",
      "email:jan at example dot nl",
      "email:piet(at)thuis(punt)nl",
    ]);
    assert.deepEqual(vind("hij at graag warm"), []);
  });

  it("finds Dutch mobile and landline numbers", () => {
    assert.deepEqual(vind("06-12345678; 06 1234 5678; +31 6 12345678; 0031612345678; +31 (0)6 1234 5678; 0612345678"), [
      "telefoon:06-12345678",
      "telefoon:06 1234 5678",
      "telefoon:+31 6 12345678",
      "telefoon:0031612345678",
      "telefoon:+31 (0)6 1234 5678",
      "telefoon:0612345678",
    ]);
    assert.deepEqual(vind("0543-123456, 0543 12 34 56, (0543) 123456, 085-1234567, 020-1234567"), [
      "telefoon:0543-123456",
      "telefoon:0543 12 34 56",
      "telefoon:(0543) 123456",
      "telefoon:085-1234567",
      "telefoon:020-1234567",
    ]);
  });

  it("does not take amounts, years, times, service numbers or postcodes for phone numbers", () => {
    const tekst =
      "Budget € 1.234,56 per maand, of 1.234.567,00 euro; in 2026 en 2027; " +
      "van 07.30-12.30 14 keer; 0800-1234; regio 7141; 2 uur per week; 80-89 jaar";
    assert.deepEqual(vind(tekst), []);
  });

  it("finds IBANs with and without spaces, any country, and checks mod-97", () => {
    assert.deepEqual(
      vind("NL91ABNA0417164300, NL91 ABNA 0417 1643 00, nl91abna0417164300, DE89 3704 0044 0532 0130 00"),
      [
        "iban:NL91ABNA0417164300",
        "iban:NL91 ABNA 0417 1643 00",
        "iban:nl91abna0417164300",
        "iban:DE89 3704 0044 0532 0130 00",
      ],
    );
    assert.equal(isGeldigeIban("NL91ABNA0417164300"), true);
    assert.equal(isGeldigeIban("NL92ABNA0417164300"), false);
    assert.deepEqual(vind("DE88370400440532013000"), []); // wrong checksum, not Dutch
  });

  it("finds full postcodes and postcodes with a house number, not bare 4-digit ones or wijk names", () => {
    assert.deepEqual(vind("7141 AB, 7141AB, 7141ab, 7141 AB 12, 7141AB-12a"), [
      "postcode:7141 AB",
      "postcode:7141AB",
      "postcode:7141ab",
      "postcode:7141 AB 12",
      "postcode:7141AB-12a",
    ]);
    assert.deepEqual(vind("Regio 7141 en 7142, wijk De Haar; in 2025 de eerste aanvraag"), []);
  });

  it("finds dates that could be birth dates, in every notation", () => {
    assert.deepEqual(
      vind("12-03-1940, 12/3/40, 1940-03-12, 12 maart 1940, 3 mrt. 1950, 3 MRT 1950, 5.6.1938, 1 jan 2023"),
      [
        "datum:12-03-1940",
        "datum:12/3/40",
        "datum:1940-03-12",
        "datum:12 maart 1940",
        "datum:3 mrt. 1950",
        "datum:3 MRT 1950",
        "datum:5.6.1938",
        "datum:1 jan 2023",
      ],
    );
  });

  it("allows recent and wished dates, years alone and impossible dates", () => {
    assert.deepEqual(
      vind(
        "Start 1 december 2026, evaluatie 01-06-2027, sinds 2024-11-01, 3/1/25; geboren in 1941; 31-02-1941; maart 1941",
      ),
      [],
    );
  });

  it("finds street addresses with a house number and names after a title", () => {
    assert.deepEqual(vind("woont Kerkstraat 5 bij mevrouw Jansen en dhr. De Vries, mw.Pietersen"), [
      "straat:Kerkstraat 5",
      "naam:Jansen",
      "naam:De Vries",
      "naam:Pietersen",
    ]);
    assert.deepEqual(vind("wandelen op het fietspad 2 keer per week; Mevrouw. Zij wil graag; een mevrouw van 80"), []);
  });

  it("reports nothing in an ordinary anonymous request", () => {
    const velden = {
      toelichting:
        "Mevrouw (80-89 jaar) woont alleen en wil haar huis schoon en leefbaar houden. Hulp 2 keer per week.",
      regio: "7141",
      "wensen.tijden": "Liefst op dinsdag en vrijdag tussen 09.00-12.00 uur",
      "resultaten.0.toelichting": "Schoon en leefbaar huis, start 1 december 2026",
    };
    assert.deepEqual(zoekIdentificerendeGegevens(velden, client, opties), []);
  });
});

describe("zoekIdentificerendeGegevens: the client's own record", () => {
  it("finds the full name and each name part, not the particles", () => {
    assert.deepEqual(vind("Maria van den Berg-Müller heeft hulp nodig", client), ["naam:Maria van den Berg-Müller"]);
    assert.deepEqual(vind("Familie Berg; MARIA; van den; de Bergen", client), ["naam:Berg", "naam:MARIA"]);
  });

  it("finds the surname registered apart for the WMO301 too, when people use another name", () => {
    const getrouwd = { ...client, naam: "Maria Jansen", achternaam: "van den Berg" };
    assert.deepEqual(vind("Heeft Berg hulp nodig?", getrouwd), ["naam:Berg"]);
    assert.deepEqual(vind("Heeft Berg hulp nodig?", { ...client, naam: "Maria Jansen" }), []);
  });

  it("matches names joined by punctuation but not inside longer words", () => {
    assert.deepEqual(vind("mevr.Berg, berg-af, Berg/Maria", client), ["naam:Berg", "naam:berg", "naam:Maria"]);
    assert.deepEqual(vind("Bergen, Marianne, ijsberg, Bergweg, Mullerstraat", client), []);
  });

  it("treats diacritics loosely in both directions", () => {
    assert.deepEqual(vind("fam. muller en MÜLLER en Mùller", client), ["naam:muller", "naam:MÜLLER", "naam:Mùller"]);
    assert.equal(normaliseer("Müller-Éçà D’Hondt"), "muller-eca d'hondt");
  });

  it("finds the street, with or without house number and as abbreviation", () => {
    assert.deepEqual(vind("Dorpsstraat 12, dorpsstraat/12, Dorpsstr. 12a en DORPSSTRAAT", client), [
      "straat:Dorpsstraat 12",
      "straat:dorpsstraat/12",
      "straat:Dorpsstr. 12a",
      "straat:DORPSSTRAAT",
    ]);
    assert.deepEqual(vind("het Dorpsstraatfeest", client), []);
  });

  it("always refuses the client's birth date in any notation", () => {
    assert.deepEqual(vind("12-03-1941, 12/3/41, 1941-03-12, 12 maart 1941, 12 mrt. '41, 12031941", client), [
      "geboortedatum:12-03-1941",
      "geboortedatum:12/3/41",
      "geboortedatum:1941-03-12",
      "geboortedatum:12 maart 1941",
      "geboortedatum:12 mrt. '41",
      "geboortedatum:12031941",
    ]);
    const jong = { ...client, geboortedatum: "2025-06-01" };
    assert.deepEqual(soorten("geboren 1 juni 2025, gestart 2 juni 2025", jong), ["geboortedatum"]);
  });

  it("finds the client's postcode in loose notation", () => {
    assert.deepEqual(vind("7141-AB", client), ["postcode:7141-AB"]);
  });

  it("lets a date shield a name that is also a month abbreviation", () => {
    const jan = { ...client, naam: "Jan Jansen" };
    assert.deepEqual(vind("start 1 jan 2027 bij jan.jansen@zorg.nl, Jan Jansen", jan), [
      "email:jan.jansen@zorg.nl",
      "naam:Jan Jansen",
    ]);
  });
});

describe("zoekIdentificerendeGegevens: reporting", () => {
  it("reports field by field, in text order, with the exact text and a Dutch message", () => {
    const vondsten = zoekIdentificerendeGegevens(
      {
        toelichting: "Bel 06-12345678 of mail maria@example.nl",
        "resultaten.0.toelichting": "BSN 123456782",
        regio: "7141",
        "wensen.tijden": null,
        extra: undefined,
        opmerking: "Mevrouw Berg, 7141 AB 12",
      },
      client,
      opties,
    );
    assert.deepEqual(
      vondsten.map((v) => [v.field, v.soort, v.match]),
      [
        ["toelichting", "telefoon", "06-12345678"],
        ["toelichting", "email", "maria@example.nl"],
        ["resultaten.0.toelichting", "bsn", "123456782"],
        ["opmerking", "naam", "Berg"],
        ["opmerking", "postcode", "7141 AB 12"],
      ],
    );
    assert.equal(vondsten[2].message, "Bevat een BSN. Haal dit weg: aanbieders mogen de cliënt niet kunnen herkennen.");
    assert.match(vondsten[3].message, /naam van de cliënt/);
    for (const v of vondsten) assert.match(v.message, /Haal dit weg/);
  });

  it("reports each occurrence once per field, keeping different spellings", () => {
    assert.deepEqual(vind("Berg Berg berg 06-12345678 06-12345678", client), [
      "naam:Berg",
      "naam:berg",
      "telefoon:06-12345678",
    ]);
    const vondsten = zoekIdentificerendeGegevens({ a: "Berg", b: "Berg" }, client, opties);
    assert.deepEqual(
      vondsten.map((v) => v.field),
      ["a", "b"],
    );
  });

  it("works without a client record", () => {
    assert.deepEqual(vind("Berg, Dorpsstraat, 12 maart 1941"), ["datum:12 maart 1941"]);
  });
});
