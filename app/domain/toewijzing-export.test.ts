import { test } from "node:test";
import assert from "node:assert/strict";
import {
  afsluitendeWmo301Xml,
  ToewijzingExportFout,
  maandenInPeriode,
  ocdsRelease,
  toewijzingCsv,
  toewijzingJson,
  toewijzingWmo301Xml,
  type ToewijzingExport,
} from "./toewijzing-export";
import { controleerWmo301 } from "./iwmo/controle.server";
import { ocdsFouten, wmo301Fouten, xmlTekst as tekstVan } from "../../tests/support/schemas";

/** Both the XSD (xmllint, as CI has it) and our own checker (XSD in WebAssembly plus the iWmo rules). */
async function assertGeldig(xml: string, aanbiederAgb = PENVOERDER.agb) {
  const fouten = wmo301Fouten(xml);
  assert.equal(fouten, null, `WMO301 voldoet niet aan de XSD:\n${fouten}\n${xml}`);
  assert.deepEqual(await controleerWmo301(xml, { aanbiederAgb }), [], xml);
}

function assertGeldigeRelease(release: unknown) {
  const fouten = ocdsFouten(release);
  assert.equal(fouten, null, fouten ?? "");
}

const PENVOERDER = { id: "aan_thuiszorgnoord", naam: "Thuiszorg Noord B.V.", agb: "42421234", kvk: "81234567" };
const LID_A = { id: "aan_dagbestedingoost", naam: "Dagbesteding Oost", agb: "42425678", kvk: "82345678" };
const LID_B = { id: "aan_welzijnwest", naam: "Welzijn West", agb: "42429999", kvk: "83456789" };

function maak(over: Partial<ToewijzingExport> = {}): ToewijzingExport {
  return {
    toewijzingId: "tw_ab12cd34ef56gh",
    hulpvraagId: "hv_9k8m7n6p5q4r3s",
    toegewezenOp: "2026-11-23T10:15:00.000Z",
    gemeente: { id: "gm_zorgstad00000", naam: "Gemeente Zorgstad", code: "0294" },
    client: {
      bsn: "999993653",
      naam: "Jantine Wilhelmina van der Zwaluw",
      voorletters: "J.W.",
      voorvoegsel: "van der",
      achternaam: "Zwaluw",
      geslacht: "2",
      geboortedatum: "1941-03-17",
      postcode: "9999 XZ",
      huisnummer: "137",
      huisletter: "B",
      straat: "Kwartelkoningstraat",
      woonplaats: "Zwaluwendorp",
    },
    aanbieder: PENVOERDER,
    consortium: null,
    redenWijziging: null,
    resultaatomschrijving: "Schoon en leefbaar huis; schone kleding",
    componenten: [
      {
        aanbiederId: PENVOERDER.id,
        productcategorie: "01",
        productcode: "01A01",
        omschrijving: "Hulp bij het huishouden",
        startdatum: "2027-01-01",
        einddatum: "2027-12-31",
        volume: { omvang: 3, eenheid: "04", frequentie: "2" },
        budgetCent: null,
      },
    ],
    totaalPerMaandCent: 48_000,
    ...over,
  };
}

function consortiumToewijzing(): ToewijzingExport {
  return maak({
    consortium: { id: "con_eengezin", naam: "Eén gezin, één plan", leden: [PENVOERDER, LID_A, LID_B] },
    componenten: [
      { ...maak().componenten[0] },
      {
        aanbiederId: LID_A.id,
        productcategorie: "07",
        productcode: "07A03",
        omschrijving: "Dagbesteding 2 dagdelen",
        startdatum: "2027-01-01",
        einddatum: "2027-06-30",
        volume: { omvang: 2, eenheid: "16", frequentie: "2" },
        budgetCent: null,
      },
      {
        aanbiederId: LID_B.id,
        productcategorie: "02",
        productcode: "02A05",
        omschrijving: "Begeleiding naar behoefte",
        startdatum: "2027-02-01",
        einddatum: "2027-12-31",
        volume: null,
        budgetCent: 30_000,
      },
    ],
    totaalPerMaandCent: 110_000,
  });
}

const aantal = (xml: string, s: string) => xml.split(s).length - 1;

test("months between dates count both ends and part months by days", () => {
  assert.equal(maandenInPeriode("2027-01-01", "2027-12-31"), 12);
  assert.equal(maandenInPeriode("2027-01-15", "2027-04-14"), 3);
  assert.equal(maandenInPeriode("2027-01-31", "2027-02-27"), 1);
  assert.equal(maandenInPeriode("2027-02-01", "2027-02-14"), 0.5);
  assert.equal(maandenInPeriode("2027-03-01", "2027-02-28"), 0);
  assert.throws(() => maandenInPeriode("2027-02-30", "2027-03-31"), RangeError);
});

test("JSON carries the numbers the XML and CSV use", () => {
  const t = maak();
  const json = toewijzingJson(t);
  assert.equal(json.toewijzingId, "tw_ab12cd34ef56gh");
  assert.deepEqual(json.periode, { startdatum: "2027-01-01", einddatum: "2027-12-31", maanden: 12 });
  assert.equal(json.totaalCent, 48_000 * 12);
  const [c] = json.componenten;
  // A toewijzing from before the productcodelijst has no iWmo variant; it carries an omvang.
  assert.equal(c.uitvoeringsvariant, null);
  assert.equal(c.vorm, "volume");
  assert.deepEqual([c.eenheid, c.eenheidNaam, c.frequentie, c.frequentieNaam], ["04", "uur", "2", "per week"]);
  assert.equal(c.tariefPerEenheidCent, null);
  assert.deepEqual(c.volume, {
    omvang: 3,
    eenheid: "04",
    eenheidNaam: "uur",
    frequentie: "2",
    frequentieNaam: "per week",
  });
  assert.ok(Number.isInteger(c.toewijzingNummer) && c.toewijzingNummer >= 1 && c.toewijzingNummer <= 999_999_999);
  assert.deepEqual(toewijzingJson(t), json, "same input, same numbers");
  const xml = toewijzingWmo301Xml(t, { berichtIdentificatie: "JSON-1", now: new Date("2026-11-23T12:00:00Z") });
  assert.equal(tekstVan(xml, "ToewijzingNummer"), String(c.toewijzingNummer));
  assert.deepEqual(JSON.parse(JSON.stringify(json)), json, "JSON-ready");
});

const NU = new Date("2026-11-30T23:30:00Z");
const OPTS = { berichtIdentificatie: "BER-0001", now: NU };

test("WMO301, volume based: XSD and rule checker pass; identification and date from the send, CR/LF, no free text", async () => {
  const xml = toewijzingWmo301Xml(maak(), OPTS);
  await assertGeldig(xml);
  assert.equal(tekstVan(xml, "BerichtCode"), "414");
  assert.equal(tekstVan(xml, "Afzender"), "0294");
  assert.equal(tekstVan(xml, "Ontvanger"), PENVOERDER.agb);
  assert.equal(tekstVan(xml, "Identificatie"), "BER-0001");
  assert.equal(tekstVan(xml, "Dagtekening"), "2026-12-01", "the Dutch calendar day of sending, not UTC, not the award");
  assert.equal(tekstVan(xml, "Toewijzingsdatum"), "2026-11-23");
  assert.equal(tekstVan(xml, "Toewijzingstijd"), "11:15:00");
  assert.equal(tekstVan(xml, "Geslacht"), "2");
  assert.equal(tekstVan(xml, "Achternaam"), "Zwaluw");
  assert.equal(tekstVan(xml, "Voorvoegsel"), "van der");
  assert.equal(tekstVan(xml, "Voorletters"), "JW");
  assert.equal(tekstVan(xml, "Huisnummer"), "137");
  assert.equal(tekstVan(xml, "Huisletter"), "B");
  assert.equal(tekstVan(xml, "Postcode"), "9999XZ");
  assert.match(
    xml,
    /<iwmo:Volume>3<\/iwmo:Volume>\s*<iwmo:Eenheid>04<\/iwmo:Eenheid>\s*<iwmo:Frequentie>2<\/iwmo:Frequentie>/,
  );
  assert.equal(aantal(xml, "<wmo301:Budget>"), 0);
  assert.equal(aantal(xml, "<wmo301:RedenWijziging>"), 0);
  assert.equal(aantal(xml, "Commentaar"), 0, "no free text with personal data (OP191)");
  assert.ok(!xml.includes(t0.resultaatomschrijving), "the consulent's text stays home");
  assert.equal(xml.split("\r\n").length - 1, xml.split("\n").length - 1, "every line ends in CR/LF (OP192)");
  assert.ok(xml.endsWith("\r\n"));

  // A resend gets what the caller gives it: a new identification and that day's date (TR056).
  const opnieuw = toewijzingWmo301Xml(maak(), {
    berichtIdentificatie: "BER-0002",
    now: new Date("2027-01-05T10:00:00Z"),
  });
  await assertGeldig(opnieuw);
  assert.equal(tekstVan(opnieuw, "Identificatie"), "BER-0002");
  assert.equal(tekstVan(opnieuw, "Dagtekening"), "2027-01-05");
});
test("JSON and CSV show the product code's iWmo variant, its eenheid and frequentie, and the price per eenheid", () => {
  const t = maak();
  t.componenten = [
    {
      ...t.componenten[0],
      uitvoeringsvariant: "inspanningsgericht",
      tariefPerEenheidCent: 6_800,
    },
    {
      ...t.componenten[0],
      productcode: "02T01",
      uitvoeringsvariant: "taakgericht",
      tariefPerEenheidCent: 25_000,
      volume: null,
      budgetCent: 25_000,
    },
    {
      ...t.componenten[0],
      productcode: "01O01",
      uitvoeringsvariant: "outputgericht",
      tariefPerEenheidCent: 48_000,
      volume: { omvang: 1, eenheid: "82", frequentie: "4" },
    },
  ];
  const velden = (c: ReturnType<typeof toewijzingJson>["componenten"][number]) => [
    c.uitvoeringsvariant,
    c.vorm,
    c.eenheid,
    c.eenheidNaam,
    c.frequentie,
    c.frequentieNaam,
    c.tariefPerEenheidCent,
  ];
  assert.deepEqual(toewijzingJson(t).componenten.map(velden), [
    ["inspanningsgericht", "volume", "04", "uur", "2", "per week", 6_800],
    // Taakgericht carries a budget, no omvang, in the variant's own eenheid: euro's per maand.
    ["taakgericht", "budget", "83", "euro's", "4", "per maand", 25_000],
    ["outputgericht", "volume", "82", "stuks (output)", "4", "per maand", 48_000],
  ]);
  const rijen = parseCsv(toewijzingCsv(t));
  const kop = rijen[0];
  const kolommen = ["uitvoeringsvariant", "vorm", "eenheid", "frequentie", "tariefPerEenheidCent", "budgetCent"];
  assert.deepEqual(
    rijen.slice(1).map((r) => kolommen.map((k) => r[kop.indexOf(k)])),
    [
      ["inspanningsgericht", "volume", "04", "2", "6800", ""],
      ["taakgericht", "budget", "83", "4", "25000", "25000"],
      ["outputgericht", "volume", "82", "4", "48000", ""],
    ],
  );
});

const t0 = maak();

test("WMO301 variants: taakgericht is a Budget without code, outputgericht and old monthly prices are 1 piece a month", async () => {
  const t = maak();
  t.componenten = [
    {
      ...t.componenten[0],
      einddatum: "2027-06-30",
      uitvoeringsvariant: "taakgericht",
      volume: null,
      budgetCent: 25_000,
    },
  ];
  const taak = toewijzingWmo301Xml(t, OPTS);
  await assertGeldig(taak);
  assert.equal(tekstVan(taak, "Budget"), String(25_000 * 6), "the budget over the whole period");
  assert.equal(aantal(taak, "<wmo301:Omvang>"), 0);
  assert.equal(aantal(taak, "<iwmo:Code>"), 0, "CD077: Budget goes without a product code");

  // A toewijzing from before the productcodelijst: a price per month is a monthly result (OP263).
  t.componenten = [{ ...t.componenten[0], uitvoeringsvariant: undefined }];
  const oud = toewijzingWmo301Xml(t, OPTS);
  await assertGeldig(oud);
  assert.equal(aantal(oud, "<wmo301:Budget>"), 0, "CD041: a product code needs Omvang, not Budget");
  assert.match(
    oud,
    /<iwmo:Code>01A01<\/iwmo:Code>[\s\S]*<iwmo:Volume>1<\/iwmo:Volume>\s*<iwmo:Eenheid>82<\/iwmo:Eenheid>\s*<iwmo:Frequentie>4<\/iwmo:Frequentie>/,
  );

  // Hours on an outputgericht code do not reconcile with a price per piece (OP261–263): refused.
  t.componenten = [
    { ...t.componenten[0], uitvoeringsvariant: "outputgericht", volume: { omvang: 3, eenheid: "04", frequentie: "2" } },
  ];
  assert.throws(() => toewijzingWmo301Xml(t, OPTS), ToewijzingExportFout);
});

test("WMO301: half hours become whole minutes, other fractions are refused", async () => {
  const t = maak();
  t.componenten[0].volume = { omvang: 2.5, eenheid: "04", frequentie: "2" };
  const xml = toewijzingWmo301Xml(t, OPTS);
  await assertGeldig(xml);
  assert.match(xml, /<iwmo:Volume>150<\/iwmo:Volume>\s*<iwmo:Eenheid>01<\/iwmo:Eenheid>/);
  t.componenten[0].volume = { omvang: 1.5, eenheid: "16", frequentie: "2" };
  assert.throws(() => toewijzingWmo301Xml(t, OPTS), ToewijzingExportFout);
});

test("consortium: penvoerder receives, every member's product is a line, no commentary about who delivers", async () => {
  const t = consortiumToewijzing();
  const xml = toewijzingWmo301Xml(t, OPTS);
  await assertGeldig(xml);
  assert.equal(tekstVan(xml, "Ontvanger"), PENVOERDER.agb);
  assert.equal(aantal(xml, "<wmo301:ToegewezenProduct>"), 3);
  assert.equal(aantal(xml, "Commentaar"), 0);
  assert.match(xml, /<iwmo:Code>02A05<\/iwmo:Code>[\s\S]*?<iwmo:Eenheid>82<\/iwmo:Eenheid>/);

  const release = ocdsRelease(t, { now: new Date("2026-11-24T08:00:00Z") });
  assertGeldigeRelease(release);
  const leveranciers = release.parties.filter((p) => p.roles.includes("supplier"));
  assert.deepEqual(
    leveranciers.map((p) => p.id),
    [PENVOERDER.id, LID_A.id, LID_B.id],
    "penvoerder once, first",
  );
  assert.deepEqual(
    leveranciers.map((p) => p.identifier),
    [PENVOERDER, LID_A, LID_B].map((o) => ({ scheme: "NL-KVK", id: o.kvk, legalName: o.naam })),
  );
  assert.deepEqual(
    release.awards[0].suppliers.map((s) => s.id),
    [PENVOERDER.id, LID_A.id, LID_B.id],
  );
  assert.deepEqual(
    release.tender.items.map((i) => i.classification.id),
    ["01", "07", "02"],
  );

  const rijen = parseCsv(toewijzingCsv(t));
  const kop = rijen[0];
  const kolom = (naam: string) => rijen.slice(1).map((r) => r[kop.indexOf(naam)]);
  assert.deepEqual(kolom("aanbiederAgb"), [PENVOERDER.agb, PENVOERDER.agb, PENVOERDER.agb]);
  assert.deepEqual(kolom("uitvoerderAgb"), [PENVOERDER.agb, LID_A.agb, LID_B.agb]);
  assert.deepEqual(kolom("budgetCent"), ["", "", "30000"]);
});

test("two consortium members under one code and period become one product line (TR302, OP259)", async () => {
  const t = maak({ consortium: { id: "con_x", naam: "Samen", leden: [PENVOERDER, LID_A] } });
  const basis = t.componenten[0];
  t.componenten = [
    {
      ...basis,
      productcategorie: "02",
      productcode: "02A01",
      volume: { omvang: 2, eenheid: "04", frequentie: "2" },
      toewijzingNummer: 900000001,
    },
    {
      ...basis,
      aanbiederId: LID_A.id,
      productcategorie: "02",
      productcode: "02A01",
      volume: { omvang: 1.5, eenheid: "04", frequentie: "2" },
      toewijzingNummer: 900000002,
    },
  ];
  const xml = toewijzingWmo301Xml(t, OPTS);
  await assertGeldig(xml);
  assert.equal(aantal(xml, "<wmo301:ToegewezenProduct>"), 1);
  assert.equal(tekstVan(xml, "ToewijzingNummer"), "900000001");
  assert.match(xml, /<iwmo:Volume>210<\/iwmo:Volume>\s*<iwmo:Eenheid>01<\/iwmo:Eenheid>/, "2 h + 1.5 h = 210 minutes");
});

test("all current toewijzingen of the client at that aanbieder go in one message (OP087); another client's never", async () => {
  const eerder = maak({ toewijzingId: "tw_eerder000000", toegewezenOp: "2026-06-01T08:00:00.000Z" });
  eerder.componenten = [
    { ...eerder.componenten[0], productcategorie: "02", productcode: "02A02", toewijzingNummer: 900000007 },
  ];
  const xml = toewijzingWmo301Xml(maak(), { ...OPTS, huidige: [eerder] });
  await assertGeldig(xml);
  assert.equal(aantal(xml, "<wmo301:ToegewezenProduct>"), 2);
  assert.match(
    xml,
    /<wmo301:ToewijzingNummer>900000007<\/wmo301:ToewijzingNummer>[\s\S]*?<wmo301:Toewijzingsdatum>2026-06-01</,
  );
  const ander = maak({ toewijzingId: "tw_ander", client: { ...maak().client, bsn: "111222333" } });
  assert.throws(() => toewijzingWmo301Xml(maak(), { ...OPTS, huidige: [ander] }), /andere cliënt/);
});

test("reden 09 never goes to the new provider; the closing 301 ends the outgoing provider's toewijzing", async () => {
  const nieuw = toewijzingWmo301Xml({ ...consortiumToewijzing(), redenWijziging: "09" }, OPTS);
  await assertGeldig(nieuw);
  assert.equal(aantal(nieuw, "RedenWijziging"), 0);

  const vorige = maak({ toewijzingId: "tw_vorige000000", aanbieder: LID_B });
  vorige.componenten = [
    {
      ...vorige.componenten[0],
      aanbiederId: LID_B.id,
      startdatum: "2026-01-01",
      einddatum: "2027-12-31",
      toewijzingNummer: 900000011,
    },
    {
      ...vorige.componenten[0],
      aanbiederId: LID_B.id,
      productcategorie: "07",
      productcode: "07A01",
      volume: { omvang: 2, eenheid: "16", frequentie: "2" },
      startdatum: "2027-06-01",
      einddatum: "2027-12-31",
      toewijzingNummer: 900000012,
    },
  ];
  const sluit = afsluitendeWmo301Xml(vorige, { ...OPTS, nieuweStart: "2027-02-01" });
  await assertGeldig(sluit, LID_B.agb);
  assert.equal(tekstVan(sluit, "Ontvanger"), LID_B.agb);
  assert.match(
    sluit,
    />900000011<[\s\S]*?<wmo301:Einddatum>2027-01-31<\/wmo301:Einddatum>\s*<wmo301:RedenWijziging>09</,
  );
  // Not yet started: removed (einddatum = ingangsdatum, reden 13, CS335).
  assert.match(
    sluit,
    />900000012<[\s\S]*?<wmo301:Ingangsdatum>2027-06-01<\/wmo301:Ingangsdatum>\s*<wmo301:Einddatum>2027-06-01<\/wmo301:Einddatum>\s*<wmo301:RedenWijziging>13</,
  );
  assert.throws(
    () => afsluitendeWmo301Xml(vorige, { ...OPTS, nieuweStart: "2027-02-01", reden: "13" }),
    ToewijzingExportFout,
  );
});

test("no guessing: a client record without achternaam or with a house number that is not a number is refused", () => {
  const zonder = maak();
  zonder.client = { ...zonder.client, achternaam: null };
  assert.throws(() => toewijzingWmo301Xml(zonder, OPTS), /achternaam/);
  const huis = maak();
  huis.client = { ...huis.client, huisnummer: "12a" };
  assert.throws(() => toewijzingWmo301Xml(huis, OPTS), /huisnummer/);
});

test("XML escapes <&>\"' in every text and stays valid", async () => {
  const t = maak();
  t.client = { ...t.client, achternaam: `O'Brien-<&>`, straat: `A&B "straat"`, woonplaats: "<Dorp>" };
  const xml = toewijzingWmo301Xml(t, OPTS);
  await assertGeldig(xml);
  assert.ok(!xml.includes("<Dorp>"));
  assert.match(xml, /O&apos;Brien-&lt;&amp;&gt;/);
  assert.equal(tekstVan(xml, "Achternaam"), `O'Brien-<&>`);
  assert.equal(tekstVan(xml, "Straatnaam"), `A&B "straat"`);
  assert.equal(tekstVan(xml, "Plaatsnaam"), "<Dorp>");
});

test("XML: long and odd text is cut to the limits and control characters dropped", async () => {
  const t = maak();
  t.client = { ...t.client, straat: "\u0007Burgemeester van Walsum-Lindenhoutstraat", achternaam: "Zwaluw\uD800" };
  const xml = toewijzingWmo301Xml(t, OPTS);
  await assertGeldig(xml);
  assert.equal(tekstVan(xml, "Straatnaam"), "Burgemeester van Walsum-");
  assert.equal(tekstVan(xml, "Achternaam"), "Zwaluw");
});

test("the checks really reject: broken input throws, a broken message fails xmllint and the rule checker", async () => {
  const t = maak({ gemeente: { id: "g", naam: "G", code: "0999" }, aanbieder: { ...PENVOERDER, agb: "4242" } });
  t.componenten = [{ ...t.componenten[0], volume: null, budgetCent: null }];
  assert.throws(
    () => toewijzingWmo301Xml(t, OPTS),
    (e: unknown) => e instanceof ToewijzingExportFout && e.problemen.length === 3,
  );
  const kapot = toewijzingWmo301Xml(maak(), OPTS).replace(
    `<wmo301:Ontvanger>${PENVOERDER.agb}`,
    "<wmo301:Ontvanger>4242",
  );
  assert.notEqual(wmo301Fouten(kapot), null);
  const fouten = await controleerWmo301(kapot);
  assert.deepEqual([...new Set(fouten.map((f) => f.code))], ["XSD", "OP254"]);
});

/** A strict RFC 4180 reader with `;` (Dutch Excel's separator), so the test checks what a spreadsheet will see. */
function parseCsv(tekst: string): string[][] {
  tekst = tekst.replace(/^\uFEFF/, "");
  const rijen: string[][] = [];
  let rij: string[] = [],
    cel = "",
    i = 0,
    geciteerd = false;
  while (i < tekst.length) {
    const c = tekst[i];
    if (geciteerd) {
      if (c === '"' && tekst[i + 1] === '"') {
        cel += '"';
        i += 2;
        continue;
      }
      if (c === '"') {
        geciteerd = false;
        i++;
        continue;
      }
      cel += c;
      i++;
      continue;
    }
    if (c === '"' && cel === "") {
      geciteerd = true;
      i++;
      continue;
    }
    assert.notEqual(c, '"', "quote inside an unquoted field");
    if (c === ";") {
      rij.push(cel);
      cel = "";
      i++;
      continue;
    }
    if (c === "\r" && tekst[i + 1] === "\n") {
      rij.push(cel);
      rijen.push(rij);
      rij = [];
      cel = "";
      i += 2;
      continue;
    }
    assert.ok(c !== "\n" && c !== "\r", "bare line break outside quotes");
    cel += c;
    i++;
  }
  assert.equal(cel + rij.join(""), "", "last row must end with CRLF");
  return rijen;
}

test("CSV: Dutch Excel's format (BOM, ;, CRLF), every text cell quoted, no formulas", () => {
  const t = maak({ resultaatomschrijving: '=HYPERLINK("http://x")' });
  t.client = { ...t.client, naam: 'Zwaluw; "Jantine"\r\nvan der' };
  // The hostile strings of issue 12: a `;` inside a provider's text must not start a new (formula) cell.
  const vijandig = [
    "Schoonmaak;=3+3;extra",
    "+31 6 1234",
    "@SUM(A1:A2)",
    "-2+3",
    " =1+1",
    "\t=1",
    "\uFF1D1+1",
    "a,b;c\nd",
    "=cmd|' /C calc'!A0",
  ];
  t.componenten = vijandig.map((omschrijving, i) => ({
    ...t.componenten[0],
    omschrijving,
    productcode: i === 0 ? "-01A0" : t.componenten[0].productcode,
  }));
  const csv = toewijzingCsv(t);
  assert.ok(csv.startsWith('\uFEFF"toewijzingId";"gemeenteCode";'), csv.slice(0, 40));
  assert.ok(!toewijzingCsv(t, { bom: false }).startsWith("\uFEFF"));
  const rijen = parseCsv(csv);
  assert.equal(rijen.length, 1 + vijandig.length);
  const kop = rijen[0];
  for (const k of [
    "toewijzingId",
    "gemeenteCode",
    "bsn",
    "clientNaam",
    "geboortedatum",
    "aanbiederAgb",
    "aanbiederKvk",
    "aanbiederNaam",
    "productcategorie",
    "productcode",
    "startdatum",
    "einddatum",
    "omvang",
    "eenheid",
    "frequentie",
    "budgetCent",
    "redenWijziging",
    "resultaat",
  ])
    assert.ok(kop.includes(k), k);
  assert.ok(
    rijen.every((r) => r.length === kop.length),
    "a ; inside a text never adds a cell",
  );
  const cel = (r: number, k: string) => rijen[r][kop.indexOf(k)];
  assert.equal(cel(1, "clientNaam"), 'Zwaluw; "Jantine"\r\nvan der');
  assert.equal(cel(1, "resultaat"), '\'=HYPERLINK("http://x")');
  assert.deepEqual(
    rijen.slice(1).map((r) => r[kop.indexOf("omschrijving")]),
    [
      "Schoonmaak;=3+3;extra",
      "'+31 6 1234",
      "'@SUM(A1:A2)",
      "'-2+3",
      "' =1+1",
      "'\t=1",
      "'\uFF1D1+1",
      "a,b;c\nd",
      "'=cmd|' /C calc'!A0",
    ],
  );
  assert.equal(cel(1, "productcode"), "'-01A0");
  assert.equal(cel(1, "bsn"), "999993653");
  assert.equal(cel(1, "omvang"), "3");
  assert.equal(cel(1, "redenWijziging"), "");
  // Every text cell is quoted: in the raw file each starts with a quote.
  const ruw = csv.replace(/^\uFEFF/, "").split("\r\n")[1];
  assert.ok(ruw.startsWith(`"${t.toewijzingId}";"`), ruw.slice(0, 60));
  assert.ok(
    rijen.slice(1).every((r) => r.every((c) => !/^[\s]*[=+\-@\uFF1D]/.test(c))),
    "no cell starts like a formula",
  );
  assert.equal(toewijzingCsv(maak({ componenten: [] })), `\uFEFF${kop.map((k) => `"${k}"`).join(";")}\r\n`);
});

test("OCDS release validates and holds no personal data of the client", () => {
  const t = maak();
  const release = ocdsRelease(t);
  assertGeldigeRelease(release);
  assert.equal(release.ocid, "ocds-xxxxxx-hv_9k8m7n6p5q4r3s");
  assert.equal(ocdsRelease(t, { ocidPrefix: "ocds-a1b2c3" }).ocid, "ocds-a1b2c3-hv_9k8m7n6p5q4r3s");
  assert.deepEqual(release.tag, ["award", "contract"]);
  assert.deepEqual(release.contracts[0].value, release.awards[0].value);
  // Withheld from aanbieders that did not win: no amount anywhere, a release of its own, still valid.
  const zonder = ocdsRelease(t, { prijs: { zichtbaar: false, vanaf: new Date("2027-02-21T10:15:00Z") } });
  assertGeldigeRelease(zonder);
  assert.equal(zonder.id, `${release.id}-zonder-prijs`);
  assert.equal(JSON.stringify(zonder).includes("5760"), false);
  assert.equal(release.date, "2026-11-23T10:15:00.000Z");
  assert.deepEqual(release.parties.find((p) => p.roles.includes("buyer"))?.id, t.gemeente.id);
  assert.equal(release.tender.status, "complete");
  assert.deepEqual(release.awards[0].value, { amount: 5760, currency: "EUR" });
  assert.deepEqual(release.awards[0].contractPeriod, {
    startDate: "2027-01-01T00:00:00+01:00",
    endDate: "2027-12-31T23:59:59+01:00",
  });

  const zomer = ocdsRelease(
    maak({ componenten: [{ ...t.componenten[0], startdatum: "2027-03-28", einddatum: "2027-10-31" }] }),
  );
  assert.deepEqual(zomer.awards[0].contractPeriod, {
    startDate: "2027-03-28T00:00:00+01:00",
    endDate: "2027-10-31T23:59:59+01:00",
  });

  // Free text may hold client data in practice; make sure it cannot travel into the release.
  const lekkend = maak({ resultaatomschrijving: `Hulp voor ${t.client.naam}, ${t.client.straat}` });
  lekkend.componenten[0].omschrijving = `Bij ${t.client.woonplaats} ${t.client.postcode}`;
  for (const r of [ocdsRelease(lekkend), ocdsRelease(consortiumToewijzing())]) {
    const tekst = JSON.stringify(r);
    const client = lekkend.client;
    for (const waarde of [
      // The parts that say something about her (a lone "2" or "B" says nothing and appears anywhere).
      ...Object.values(client).filter((v): v is string => typeof v === "string" && v.length > 3),
      client.postcode.replace(" ", ""),
      "Zwaluw",
      "Jantine",
      "Wilhelmina",
    ]) {
      assert.ok(!tekst.includes(waarde), `client data "${waarde}" in OCDS release`);
    }
    assertGeldigeRelease(r);
  }
});
