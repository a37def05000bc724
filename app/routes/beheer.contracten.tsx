import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { vereisGebruiker } from "../auth/guards.server";
import { amsterdamDatum } from "../domain/deadline";
import { categorieTekst } from "../components/catalogus-tekst";
import { aantal, datum } from "../format/nl";
import { foutenVoor } from "../components/fouten";
import { Bevestiging, Weigering } from "../components/FormulierMeldingen";
import { Keuze, Keuzegroep, Keuzelijst } from "../components/keuzes";
import { Tabel } from "../components/Tabel";
import { Knop, Veld } from "../components/ui";
import { lijstAanbieders } from "../domain/aanbieders.server";
import {
  corrigeerContract,
  leesEigenRegelboek,
  lijstContracten,
  registreerContract,
} from "../domain/contracten.server";
import { naar, verwerk, type FormulierFout } from "../http/formulier.server";
import { alle, tekst } from "../schemas/formulier";
import { ContractCorrectieSchema, ContractSchema } from "../schemas/beheer";
import { PRODUCTCATEGORIE_CODES } from "../schemas/catalogus";
import { parseInvoer } from "../schemas/parse";
import { sorteerVolgensUrl } from "../format/sorteren";
import { lijstProductcodes } from "../domain/productcodes.server";

// Sortable columns (?sorteer=<kolom>:op|af); the Stand column follows from the dates.
const SORTEER = ["aanbiederNaam", null, null, "startdatum", "einddatum", "gegundOp", "geregistreerdOp", null] as const;

export const meta: MetaFunction = () => [{ title: "Contracten — Zorgveiling" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = vereisGebruiker(context, request, "beheerder");
  const [contracten, aanbieders, regelboek, codes] = await Promise.all([
    lijstContracten(actor),
    lijstAanbieders(actor),
    leesEigenRegelboek(actor),
    lijstProductcodes(actor),
  ]);
  const { rijen, sortering, behoud } = sorteerVolgensUrl(
    request.url,
    "sorteer",
    SORTEER.filter((k) => k !== null),
    contracten.map(({ contract, aanbiederNaam }) => ({ ...contract, aanbiederNaam })),
    (c, k) => c[k as "aanbiederNaam"],
  );
  return json({
    vandaag: amsterdamDatum(new Date()),
    sortering,
    behoud,
    contracten: rijen,
    aanbieders: aanbieders.map((a) => ({ id: a.id, naam: a.naam })),
    regelboek,
    codes: codes
      .filter((c) => c.actief)
      .map((c) => ({ code: c.code, productcategorie: c.productcategorie, omschrijving: c.omschrijving })),
  });
}

export async function action({ context, request }: ActionFunctionArgs) {
  const actor = vereisGebruiker(context, request, "beheerder");
  const f = await request.formData();
  if (f.get("intent") === "corrigeren") {
    const r = await verwerk(async () => {
      await corrigeerContract(
        actor,
        tekst(f, "contractId") ?? "",
        parseInvoer(ContractCorrectieSchema, {
          einddatum: tekst(f, "nieuweEinddatum"),
          startdatum: tekst(f, "nieuweStartdatum"),
          reden: tekst(f, "reden") ?? "",
        }),
      );
      return naar(
        "/beheer/contracten",
        "Het contract is gecorrigeerd. De correctie en de reden staan in het audittrail.",
      );
    });
    if (r.status < 400) return r;
    // Marked, so the refusal shows at the correction form and not at the registration form.
    return json({ ...((await r.json()) as FormulierFout), corrigeren: true as const }, { status: r.status });
  }
  return verwerk(async () => {
    await registreerContract(
      actor,
      parseInvoer(ContractSchema, {
        aanbiederId: tekst(f, "aanbiederId"),
        productcategorieen: alle(f, "productcategorieen"),
        productcodes: alle(f, "productcodes"),
        startdatum: tekst(f, "startdatum"),
        einddatum: tekst(f, "einddatum"),
        gegundOp: tekst(f, "gegundOp"),
      }),
    );
    return naar("/beheer/contracten", "Het contract is geregistreerd.");
  });
}

const looptijd = (c: { startdatum: string; einddatum: string }, vandaag: string) =>
  c.einddatum < vandaag ? "Afgelopen" : c.startdatum > vandaag ? "Nog niet begonnen" : "Lopend";

export default function Contracten() {
  const { contracten, aanbieders, regelboek, vandaag, sortering, behoud, codes } = useLoaderData<typeof loader>();
  const uitkomst = useActionData<typeof action>();
  const bezig = useNavigation().state === "submitting";
  const correctie = uitkomst && "corrigeren" in uitkomst ? uitkomst : undefined;
  const registratie = correctie ? undefined : uitkomst;
  const fout = (veld: string) => foutenVoor(registratie, veld);
  const correctieFout = (veld: string) => foutenVoor(correctie, veld);
  return (
    <>
      <h1 className="utrecht-heading-1">Contracten</h1>
      <Bevestiging verberg={Boolean(uitkomst)} />
      <Tabel
        bijschrift="Raamovereenkomsten van uw gemeente"
        kolommen={[
          "Aanbieder",
          "Productcategorieën",
          "Productcodes",
          "Start",
          "Einde",
          "Gegund op",
          "Geregistreerd op",
          "Stand",
        ]}
        sorteren={{ param: "sorteer", kolommen: [...SORTEER], huidig: sortering, behoud }}
        leeg="Er zijn nog geen contracten."
        rijen={contracten.map((c) => ({
          sleutel: c.id,
          cellen: [
            c.aanbiederNaam,
            c.productcategorieen.map(categorieTekst).join("; "),
            c.productcodes.length ? c.productcodes.join(", ") : "geen",
            datum(c.startdatum),
            datum(c.einddatum),
            datum(c.gegundOp),
            datum(c.geregistreerdOp),
            looptijd(c, vandaag),
          ],
        }))}
      />

      <section aria-labelledby="nieuw-titel">
        <h2 id="nieuw-titel" className="utrecht-heading-2">
          Contract registreren
        </h2>
        <p className="utrecht-paragraph">
          Volgens het regelboek loopt een contract minstens {aantal(regelboek.minContractMaanden, "maand", "maanden")}{" "}
          en gunt u het minstens {aantal(regelboek.gunningVoorStartMaanden, "maand", "maanden")} voor de start.
          Zorgveiling legt zelf de dag van registratie vast (vandaag, {datum(vandaag)}); ook vanaf die dag moet de start
          minstens {aantal(regelboek.gunningVoorStartMaanden, "maand", "maanden")} later liggen. Een eerdere
          gunningsdatum verkort die tijd niet.
        </p>
        <Weigering uitkomst={registratie} titel="Het contract is niet geregistreerd" />
        <Form method="post" noValidate>
          <Veld naam="aanbiederId" label="Aanbieder" fout={fout("aanbiederId")}>
            {(p) => <Keuzelijst {...p} leeg="Kies een aanbieder" opties={aanbieders.map((a) => [a.id, a.naam])} />}
          </Veld>
          <Keuzegroep legend="Productcategorieën" fout={fout("productcategorieen")}>
            {PRODUCTCATEGORIE_CODES.map((code) => (
              <Keuze key={code} type="checkbox" naam="productcategorieen" waarde={code}>
                {categorieTekst(code)}
              </Keuze>
            ))}
          </Keuzegroep>
          <Keuzegroep
            legend="Productcodes die de aanbieder mag leveren"
            fout={fout("productcodes")}
            uitleg={
              <p className="utrecht-paragraph">
                Alleen codes binnen de gekozen productcategorieën (de eerste twee cijfers van de code).
              </p>
            }
          >
            {codes.map((c) => (
              <Keuze key={c.code} type="checkbox" naam="productcodes" waarde={c.code}>
                {c.code} {c.omschrijving}
              </Keuze>
            ))}
          </Keuzegroep>
          <div className="zv-rij">
            <Veld naam="startdatum" label="Startdatum" type="date" fout={fout("startdatum")} />
            <Veld naam="einddatum" label="Einddatum" type="date" fout={fout("einddatum")} />
            <Veld naam="gegundOp" label="Gegund op" type="date" fout={fout("gegundOp")} />
          </div>
          <Knop disabled={bezig} aria-disabled={bezig}>
            {bezig ? "Bezig…" : "Contract registreren"}
          </Knop>
        </Form>
      </section>

      {contracten.length ? (
        <section aria-labelledby="corrigeren-titel">
          <h2 id="corrigeren-titel" className="utrecht-heading-2">
            Contract corrigeren
          </h2>
          <p className="utrecht-paragraph">
            Een correctie komt met de reden in het audittrail. Dezelfde regels gelden, gemeten vanaf de dag dat het
            contract geregistreerd werd.
          </p>
          <Form method="post" noValidate>
            <Weigering uitkomst={correctie} titel="Het contract is niet gecorrigeerd" />
            <input type="hidden" name="intent" value="corrigeren" />
            <Veld naam="contractId" label="Contract" fout={correctieFout("contractId")}>
              {(p) => (
                <Keuzelijst
                  {...p}
                  leeg="Kies een contract"
                  opties={contracten.map((c) => [
                    c.id,
                    `${c.aanbiederNaam}, ${datum(c.startdatum)} tot ${datum(c.einddatum)}`,
                  ])}
                />
              )}
            </Veld>
            <div className="zv-rij">
              <Veld
                naam="nieuweStartdatum"
                label="Begint voortaan op (niet verplicht)"
                type="date"
                fout={correctieFout("startdatum")}
              />
              <Veld
                naam="nieuweEinddatum"
                label="Loopt voortaan tot (niet verplicht)"
                type="date"
                fout={correctieFout("einddatum")}
              />
            </div>
            <Veld naam="reden" label="Reden van de correctie" fout={correctieFout("reden")}>
              {(p) => <textarea className="utrecht-textarea utrecht-textarea--html-textarea" rows={2} {...p} />}
            </Veld>
            <Knop variant="secondary" disabled={bezig} aria-disabled={bezig}>
              {bezig ? "Bezig…" : "Correctie vastleggen"}
            </Knop>
          </Form>
        </section>
      ) : null}
    </>
  );
}
