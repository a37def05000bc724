/**
 * One test per iWmo rule of our checker: a message our builder makes passes, the same message
 * changed to break that one rule is refused with that rule's code. The XSD check runs too.
 */
import { test } from "node:test";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import assert from "node:assert/strict";
import { toewijzingWmo301Xml } from "../toewijzing-wmo301";
import type { ToewijzingExport } from "../toewijzing-types";
import { regelfouten, REGELS } from "./regelset";
import { controleerWmo301 } from "./controle.server";

const AGB = "98000001";

function basis(over: Partial<ToewijzingExport> = {}): ToewijzingExport {
  return {
    toewijzingId: "tw_regels0000001",
    hulpvraagId: "hv_regels0000001",
    toegewezenOp: "2026-11-23T10:15:00.000Z",
    gemeente: { id: "winterswijk", naam: "Winterswijk", code: "0294" },
    client: {
      bsn: "999993653",
      naam: "Jantine van der Zwaluw",
      voorletters: "JW",
      voorvoegsel: "van der",
      achternaam: "Zwaluw",
      geslacht: "2",
      geboortedatum: "1941-03-17",
      postcode: "7101 AB",
      huisnummer: "137",
      huisletter: "B",
      straat: "Meddosestraat",
      woonplaats: "Winterswijk",
    },
    aanbieder: { id: "aan_a", naam: "Thuiszorg Achterhoek", agb: AGB, kvk: "81234567" },
    consortium: null,
    redenWijziging: null,
    resultaatomschrijving: "Schoon huis",
    componenten: [
      {
        aanbiederId: "aan_a",
        productcategorie: "01",
        productcode: "01A01",
        omschrijving: "Hulp bij het huishouden",
        startdatum: "2027-01-01",
        einddatum: "2027-12-31",
        uitvoeringsvariant: "inspanningsgericht",
        volume: { omvang: 3, eenheid: "04", frequentie: "2" },
        budgetCent: null,
        toewijzingNummer: 900000001,
      },
      {
        aanbiederId: "aan_a",
        productcategorie: "06",
        productcode: "06T01",
        omschrijving: "Vervoer naar de dagbesteding",
        startdatum: "2027-01-01",
        einddatum: "2027-06-30",
        uitvoeringsvariant: "taakgericht",
        volume: null,
        budgetCent: 10_000,
        toewijzingNummer: 900000002,
      },
    ],
    totaalPerMaandCent: 58_000,
    ...over,
  };
}

const NU = new Date("2026-12-01T09:00:00Z");
const GOED = toewijzingWmo301Xml(basis(), { berichtIdentificatie: "REGELS000001", now: NU });

function breek(van: string | RegExp, naar: string, xml = GOED): string {
  const uit = xml.replace(van, naar);
  assert.notEqual(uit, xml, `"${van}" staat niet in het bericht`);
  return uit;
}

function weigert(code: string, xml: string, context = {}) {
  const fouten = regelfouten(xml, context);
  assert.ok(
    fouten.some((f) => f.code === code),
    `verwacht ${code}, kreeg ${JSON.stringify(fouten)}`,
  );
  const fout = fouten.find((f) => f.code === code)!;
  assert.match(fout.melding, /\p{L}{3}/u, "een Nederlandse melding");
}

const product = (n: number, xml = GOED) =>
  xml.split("<wmo301:ToegewezenProduct>")[n].split("</wmo301:ToegewezenProduct>")[0];

test("the builder's message passes the XSD and every rule", async () => {
  assert.deepEqual(regelfouten(GOED, { aanbiederAgb: AGB }), []);
  assert.deepEqual(await controleerWmo301(GOED, { aanbiederAgb: AGB }), []);
  assert.ok(REGELS.length >= 30);
});

test("XSD: an element out of place is refused by the schema itself", async () => {
  const xml = breek(
    "<wmo301:Bsn>999993653</wmo301:Bsn>",
    "<wmo301:Bsn>999993653</wmo301:Bsn><wmo301:Onbekend>x</wmo301:Onbekend>",
  );
  const fouten = await controleerWmo301(xml);
  assert.ok(
    fouten.some((f) => f.code === "XSD" && /Onbekend/.test(f.melding)),
    JSON.stringify(fouten),
  );
});

test("no XML at all is refused, not crashed on", async () => {
  const fouten = await controleerWmo301("<wmo301:Bericht><niet-af>");
  assert.equal(fouten[0].code, "XML");
});

test("OP192: LF line endings and a BOM are refused", () => {
  weigert("OP192", GOED.replace(/\r\n/g, "\n"));
  weigert("OP192", `\uFEFF${GOED}`);
});

test("RS047: BerichtCode other than 414", () => weigert("RS047", breek(">414<", ">415<")));
test("CS025: BerichtVersie other than 3", () =>
  weigert("CS025", breek("<wmo301:BerichtVersie>3<", "<wmo301:BerichtVersie>2<")));
test("CS015: BerichtSubversie other than 2", () =>
  weigert("CS015", breek("<wmo301:BerichtSubversie>2<", "<wmo301:BerichtSubversie>1<")));

test("TR378: a gemeente code that CBS does not know", () => {
  weigert("TR378", breek("<wmo301:Afzender>0294<", "<wmo301:Afzender>0999<"));
  assert.deepEqual(
    regelfouten(breek("<wmo301:Afzender>0294<", "<wmo301:Afzender>0197<")).filter((f) => f.code === "TR378"),
    [],
    "Aalten (0197) is a real code",
  );
});

test("OP254: no AGB code, or the AGB code of someone else", () => {
  weigert("OP254", breek(`<wmo301:Ontvanger>${AGB}<`, "<wmo301:Ontvanger>00123456<"));
  weigert("OP254", GOED, { aanbiederAgb: "98000002" });
});

test("TR002: born more than 120 years before the Dagtekening", () =>
  weigert("TR002", breek("<iwmo:Datum>1941-03-17<", "<iwmo:Datum>1906-11-30<")));

test("TR134: birth or toewijzing after the Dagtekening", () => {
  weigert("TR134", breek("<iwmo:Datum>1941-03-17<", "<iwmo:Datum>2027-01-01<"));
  weigert("TR134", breek("<wmo301:Toewijzingsdatum>2026-11-23<", "<wmo301:Toewijzingsdatum>2026-12-02<"));
});

test("RS045: voorletters with dots", () => weigert("RS045", breek("<iwmo:Voorletters>JW<", "<iwmo:Voorletters>J.W.<")));
test("CS050: NaamGebruik 6 (niet-natuurlijk persoon) for a client", () =>
  weigert("CS050", breek("<iwmo:NaamGebruik>1<", "<iwmo:NaamGebruik>6<")));
test("TR061: no BRP, correspondence or stay address", () =>
  weigert("TR061", breek("<wmo301:Soort>01<", "<wmo301:Soort>04<")));

test("TR006 and CD025: a Dutch address without house number", () => {
  const xml = breek(/<iwmo:Huis>[\s\S]*?<\/iwmo:Huis>\r\n\s*/, "");
  weigert("TR006", xml);
  weigert("CD025", xml);
});

test("CD034 and CD005: a BRP address without postcode", () => {
  const xml = breek(/<iwmo:Postcode>7101AB<\/iwmo:Postcode>\r\n\s*/, "");
  weigert("CD034", xml);
  weigert("CD005", xml);
});

test("CS089: a Dutch address with a foreign postcode", () =>
  weigert("CS089", breek("<iwmo:Postcode>7101AB<", "<iwmo:Postcode>0101AB<")));

test("CD041: a product code without Omvang", () =>
  weigert("CD041", breek(/<wmo301:Omvang>[\s\S]*?<\/wmo301:Omvang>\r\n\s*/, "")));

test("CD077 and CD078: Budget and Omvang together", () => {
  const xml = breek("</wmo301:Omvang>", "</wmo301:Omvang><wmo301:Budget>1000</wmo301:Budget>");
  weigert("CD077", xml);
  weigert("CD078", xml);
});

test("CD079: neither Product nor Budget", () =>
  weigert(
    "CD079",
    breek(/<wmo301:Budget>\d+<\/wmo301:Budget>/, "").replace(
      /<wmo301:Product>[\s\S]*?06<\/iwmo:Categorie>\r\n\s*<\/wmo301:Product>/,
      "",
    ),
  ));

test("CD080: Omvang without a product code", () => weigert("CD080", breek("<iwmo:Code>01A01</iwmo:Code>", "")));

test("CD075: a Budget without Einddatum", () =>
  weigert("CD075", breek("<wmo301:Einddatum>2027-06-30</wmo301:Einddatum>", "")));

test("CD076: per week without Einddatum", () =>
  weigert("CD076", breek("<wmo301:Einddatum>2027-12-31</wmo301:Einddatum>", "")));

test("CS003: Einddatum before Ingangsdatum", () =>
  weigert("CS003", breek("<wmo301:Einddatum>2027-12-31<", "<wmo301:Einddatum>2026-12-31<")));

test("CS335: reden 13 (verwijderd) on a toewijzing that runs", () =>
  weigert(
    "CS335",
    breek("</wmo301:Einddatum>", "</wmo301:Einddatum><wmo301:RedenWijziging>13</wmo301:RedenWijziging>"),
  ));

test("CS336: reden 01 is vervallen", () =>
  weigert(
    "CS336",
    breek("</wmo301:Einddatum>", "</wmo301:Einddatum><wmo301:RedenWijziging>01</wmo301:RedenWijziging>"),
  ));

test("CS338: dagdelen per day", () =>
  weigert(
    "CS338",
    breek("<iwmo:Eenheid>04</iwmo:Eenheid>", "<iwmo:Eenheid>16</iwmo:Eenheid>").replace(
      "<iwmo:Frequentie>2<",
      "<iwmo:Frequentie>1<",
    ),
  ));

test("RS031: an empty Commentaar", () =>
  weigert("RS031", breek("</wmo301:Omvang>", "</wmo301:Omvang><wmo301:Commentaar> </wmo301:Commentaar>")));

test("OP191: personal data in Commentaar", () =>
  weigert(
    "OP191",
    breek("</wmo301:Omvang>", "</wmo301:Omvang><wmo301:Commentaar>Mevrouw Zwaluw, bel eerst</wmo301:Commentaar>"),
  ));

const metExtraProduct = (inhoud: string) =>
  breek(
    "</wmo301:ToegewezenProducten>",
    `<wmo301:ToegewezenProduct>${inhoud}</wmo301:ToegewezenProduct></wmo301:ToegewezenProducten>`,
  );

test("TR302: one code twice in overlapping periods (stacking)", () =>
  weigert("TR302", metExtraProduct(product(1).replace(">900000001<", ">900000003<").replace(">3<", ">2<"))));

test("TR302 allows one code twice in periods that do not overlap", () => {
  const later = product(1)
    .replace(">900000001<", ">900000003<")
    .replace("2027-01-01", "2028-01-01")
    .replace("2027-12-31", "2028-12-31");
  assert.deepEqual(regelfouten(metExtraProduct(later)), []);
});

test("TR101: the same line twice", () => weigert("TR101", metExtraProduct(product(1))));

test("TR332: two products with one ToewijzingNummer", () =>
  weigert(
    "TR332",
    metExtraProduct(product(2).replace(">900000002<", ">900000001<").replace("2027-01-01", "2028-01-01")),
  ));

test("npm run iwmo:check: exit 0 for a good file, 1 with the rule codes for a broken one, 2 without a file", () => {
  const map = mkdtempSync(path.join(tmpdir(), "iwmo-check-"));
  try {
    const goed = path.join(map, "goed.xml");
    const fout = path.join(map, "fout.xml");
    writeFileSync(goed, GOED);
    writeFileSync(fout, breek(/<wmo301:Omvang>[\s\S]*?<\/wmo301:Omvang>\r\n\s*/, "").replace(/\r\n/g, "\n"));
    const draai = (...args: string[]) =>
      spawnSync(process.execPath, ["--import", "tsx", "scripts/iwmo-check.ts", ...args], {
        cwd: path.resolve(import.meta.dirname, "../../.."),
        encoding: "utf8",
      });
    const ok = draai(goed, "--agb", AGB);
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /voldoet aan het XSD en alle \d+ regels/);
    const kapot = draai(fout);
    assert.equal(kapot.status, 1, kapot.stdout + kapot.stderr);
    assert.match(kapot.stdout, /OP192 /);
    assert.match(kapot.stdout, /CD041 Product 1 \(01A01\): een productcode zonder Omvang/);
    assert.match(kapot.stdout, /afgekeurd op OP192, CD041/);
    assert.equal(draai(path.join(map, "bestaat-niet.xml")).status, 2);
  } finally {
    rmSync(map, { recursive: true, force: true });
  }
});
