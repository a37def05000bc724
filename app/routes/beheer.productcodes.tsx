import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { vereisGebruiker } from "../auth/guards.server";
import { categorieTekst } from "../components/catalogus-tekst";
import { datum, euro } from "../format/nl";
import { foutenVoor } from "../components/fouten";
import { Bevestiging, Weigering } from "../components/FormulierMeldingen";
import { Keuzelijst } from "../components/keuzes";
import { Tabel } from "../components/Tabel";
import { Knop, Veld } from "../components/ui";
import { lijstProductcodes, registreerProductcode } from "../domain/productcodes.server";
import { EENHEDEN, FREQUENTIES, perEenheid, UITVOERINGSVARIANTEN, VARIANTEN } from "../domain/productcode-varianten";
import { naar, verwerk } from "../http/formulier.server";
import { centen, tekst } from "../schemas/formulier";
import { ProductcodeSchema } from "../schemas/productcode";
import { PRODUCTCATEGORIE_CODES } from "../schemas/catalogus";
import { parseInvoer } from "../schemas/parse";

export const meta: MetaFunction = () => [{ title: "Productcodes en reële tarieven — Zorgveiling" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = vereisGebruiker(context, request, "beheerder");
  return json({ codes: await lijstProductcodes(actor) });
}

export async function action({ context, request }: ActionFunctionArgs) {
  const actor = vereisGebruiker(context, request, "beheerder");
  const f = await request.formData();
  const leeg = (naam: string) => tekst(f, naam) || undefined;
  return verwerk(async () => {
    const invoer = parseInvoer(ProductcodeSchema, {
      code: tekst(f, "code"),
      productcategorie: leeg("productcategorie"),
      omschrijving: leeg("omschrijving"),
      uitvoeringsvariant: leeg("uitvoeringsvariant"),
      eenheid: leeg("eenheid"),
      frequentie: leeg("frequentie"),
      tariefPerEenheidCent: centen(tekst(f, "tariefPerEenheidCent")),
      geldigVanaf: tekst(f, "geldigVanaf"),
      reden: tekst(f, "reden"),
    });
    await registreerProductcode(actor, invoer);
    return naar("/beheer/productcodes", `Productcode ${invoer.code} is bijgewerkt.`);
  });
}

export default function Productcodes() {
  const { codes } = useLoaderData<typeof loader>();
  const uitkomst = useActionData<typeof action>();
  const bezig = useNavigation().state === "submitting";
  const fout = (veld: string) => foutenVoor(uitkomst, veld);
  return (
    <>
      <h1 className="utrecht-heading-1">Productcodes en reële tarieven</h1>
      <p className="utrecht-paragraph">
        De productcodelijst van uw gemeente. Elke code heeft een uitvoeringsvariant met de eenheid en frequentie die
        daarbij horen, en een reëel tarief per eenheid: de ondergrens voor de prijs per eenheid in een aanbieding. Een
        nieuw tarief geldt vanaf zijn datum; oude tarieven blijven bewaard, zodat eerder beoordeelde aanbiedingen niet
        veranderen. Contracten noemen welke codes een aanbieder mag leveren.
      </p>
      <Bevestiging verberg={Boolean(uitkomst)} />
      <Tabel
        bijschrift="De productcodelijst met het tarief dat vandaag geldt"
        kolommen={[
          "Code",
          "Productcategorie",
          "Omschrijving",
          "Variant",
          "Eenheid en frequentie",
          "Tarief nu",
          "Historie",
        ]}
        leeg="Er staan nog geen productcodes op de lijst."
        rijen={codes.map((c) => ({
          sleutel: c.id,
          cellen: [
            <strong key="code" data-testid={`code-${c.code}`}>
              {c.code}
              {c.actief ? "" : " (niet actief)"}
            </strong>,
            categorieTekst(c.productcategorie),
            c.omschrijving,
            c.uitvoeringsvariant,
            `${EENHEDEN[c.eenheid as keyof typeof EENHEDEN] ?? c.eenheid} ${FREQUENTIES[c.frequentie as keyof typeof FREQUENTIES] ?? ""}`,
            c.tariefPerEenheidCent === null
              ? "nog geen"
              : `${euro(c.tariefPerEenheidCent)} ${perEenheid(c.eenheid)} (vanaf ${datum(c.tariefGeldigVanaf!)})`,
            <ul key="historie" className="zv-compact" data-testid={`historie-${c.code}`}>
              {c.historie.map((t) => (
                <li key={t.id}>
                  {euro(t.tariefPerEenheidCent)} vanaf {datum(t.geldigVanaf)}: {t.reden}
                </li>
              ))}
            </ul>,
          ],
        }))}
      />

      <section aria-labelledby="nieuw-titel">
        <h2 id="nieuw-titel" className="utrecht-heading-2">
          Code toevoegen of tarief vaststellen
        </h2>
        <p className="utrecht-paragraph">
          Voor een nieuw tarief van een bestaande code vult u alleen de code, het tarief, de datum en de reden in. Een
          nieuwe code heeft ook categorie, omschrijving, variant, eenheid en frequentie nodig:{" "}
          {UITVOERINGSVARIANTEN.map((v) => `${v}: ${VARIANTEN[v].uitleg}`).join("; ")}.
        </p>
        <Weigering uitkomst={uitkomst} titel="De productcode is niet bijgewerkt" />
        <Form method="post" noValidate>
          <div className="zv-rij">
            <Veld
              naam="code"
              label="Productcode"
              fout={fout("code")}
              uitleg="1 tot 5 letters of cijfers, bijv. 01W04"
            />
            <Veld naam="productcategorie" label="Productcategorie" fout={fout("productcategorie")}>
              {(p) => (
                <Keuzelijst
                  {...p}
                  leeg="(bestaande code)"
                  opties={PRODUCTCATEGORIE_CODES.map((c) => [c, categorieTekst(c)])}
                />
              )}
            </Veld>
          </div>
          <Veld naam="omschrijving" label="Omschrijving" fout={fout("omschrijving")} />
          <div className="zv-rij">
            <Veld naam="uitvoeringsvariant" label="Uitvoeringsvariant" fout={fout("uitvoeringsvariant")}>
              {(p) => <Keuzelijst {...p} leeg="(bestaande code)" opties={UITVOERINGSVARIANTEN.map((v) => [v, v])} />}
            </Veld>
            <Veld naam="eenheid" label="Eenheid (WJ756)" fout={fout("eenheid")}>
              {(p) => (
                <Keuzelijst
                  {...p}
                  leeg="(bestaande code)"
                  opties={Object.entries(EENHEDEN).map(([k, v]) => [k, `${k} ${v}`])}
                />
              )}
            </Veld>
            <Veld naam="frequentie" label="Frequentie (WMO757)" fout={fout("frequentie")}>
              {(p) => (
                <Keuzelijst
                  {...p}
                  leeg="(bestaande code)"
                  opties={Object.entries(FREQUENTIES).map(([k, v]) => [k, `${k} ${v}`])}
                />
              )}
            </Veld>
          </div>
          <div className="zv-rij">
            <Veld
              naam="tariefPerEenheidCent"
              label="Reëel tarief per eenheid in euro"
              inputMode="decimal"
              fout={fout("tariefPerEenheidCent")}
              uitleg="Bijvoorbeeld 68,00"
            />
            <Veld naam="geldigVanaf" label="Geldig vanaf" type="date" fout={fout("geldigVanaf")} />
          </div>
          <Veld
            naam="reden"
            label="Reden"
            fout={fout("reden")}
            uitleg="Bijvoorbeeld de kostprijsberekening of cao-stijging"
          />
          <Knop disabled={bezig} aria-disabled={bezig}>
            {bezig ? "Bezig…" : "Opslaan"}
          </Knop>
        </Form>
      </section>
    </>
  );
}
