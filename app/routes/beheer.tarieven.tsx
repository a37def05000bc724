import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { vereisGebruiker } from "../auth/guards.server";
import { amsterdamDatum } from "../domain/deadline";
import { categorieTekst } from "../components/catalogus-tekst";
import { datum, euro } from "../format/nl";
import { foutenVoor } from "../components/fouten";
import { Bevestiging, Weigering } from "../components/FormulierMeldingen";
import { Keuzelijst } from "../components/keuzes";
import { Tabel } from "../components/Tabel";
import { Knop, Veld } from "../components/ui";
import { inWerkingOp, lijstTarieven, registreerTarief } from "../domain/contracten.server";
import { naar, verwerk } from "../http/formulier.server";
import { centen, tekst } from "../schemas/formulier";
import { TariefSchema } from "../schemas/beheer";
import { PRODUCTCATEGORIE_CODES } from "../schemas/catalogus";
import { parseInvoer } from "../schemas/parse";

export const meta: MetaFunction = () => [{ title: "Reële tarieven — Zorgveiling" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = vereisGebruiker(context, request, "beheerder");
  const tarieven = await lijstTarieven(actor);
  const vandaag = amsterdamDatum(new Date());
  const geldend = new Set(inWerkingOp(tarieven, vandaag).map((t) => t.id));
  return json({ vandaag, tarieven: tarieven.map((t) => ({ ...t, geldend: geldend.has(t.id) })) });
}

export async function action({ context, request }: ActionFunctionArgs) {
  const actor = vereisGebruiker(context, request, "beheerder");
  const f = await request.formData();
  return verwerk(async () => {
    await registreerTarief(
      actor,
      parseInvoer(TariefSchema, {
        productcategorie: tekst(f, "productcategorie"),
        prijsPerMaandCent: centen(tekst(f, "prijsPerMaandCent")),
        prijsPerUurCent: centen(tekst(f, "prijsPerUurCent")) ?? null,
        geldigVanaf: tekst(f, "geldigVanaf"),
      }),
    );
    return naar("/beheer/tarieven", "Het tarief is vastgesteld.");
  });
}

export default function Tarieven() {
  const { tarieven, vandaag } = useLoaderData<typeof loader>();
  const uitkomst = useActionData<typeof action>();
  const bezig = useNavigation().state === "submitting";
  const fout = (veld: string) => foutenVoor(uitkomst, veld);
  const stand = (t: { geldend: boolean; geldigVanaf: string }) =>
    t.geldend ? "Geldt nu" : t.geldigVanaf > vandaag ? "Gaat nog in" : "Vervangen";
  return (
    <>
      <h1 className="utrecht-heading-1">Reële tarieven</h1>
      <p className="utrecht-paragraph">
        Het reële tarief is de ondergrens per productcategorie: een aanbieding mag niet goedkoper zijn. Een nieuw tarief
        geldt vanaf zijn datum; oude tarieven blijven bewaard, zodat eerder beoordeelde aanbiedingen niet veranderen.
      </p>
      <Bevestiging verberg={Boolean(uitkomst)} />
      <Tabel
        bijschrift="Alle tarieven, per productcategorie de nieuwste eerst"
        kolommen={["Productcategorie", "Per maand", "Per uur", "Geldig vanaf", "Stand"]}
        leeg="Er zijn nog geen tarieven vastgesteld."
        rijen={tarieven.map((t) => ({
          sleutel: t.id,
          cellen: [
            categorieTekst(t.productcategorie),
            euro(t.prijsPerMaandCent),
            t.prijsPerUurCent ? euro(t.prijsPerUurCent) : "—",
            datum(t.geldigVanaf),
            t.geldend ? <strong>{stand(t)}</strong> : stand(t),
          ],
        }))}
      />

      <section aria-labelledby="nieuw-titel">
        <h2 id="nieuw-titel" className="utrecht-heading-2">
          Tarief vaststellen
        </h2>
        <Weigering uitkomst={uitkomst} titel="Het tarief is niet vastgesteld" />
        <Form method="post" noValidate>
          <Veld naam="productcategorie" label="Productcategorie" fout={fout("productcategorie")}>
            {(p) => (
              <Keuzelijst
                {...p}
                leeg="Kies een productcategorie"
                opties={PRODUCTCATEGORIE_CODES.map((c) => [c, categorieTekst(c)])}
              />
            )}
          </Veld>
          <div className="zv-rij">
            <Veld
              naam="prijsPerMaandCent"
              label="Prijs per maand in euro"
              inputMode="decimal"
              fout={fout("prijsPerMaandCent")}
              uitleg="Bijvoorbeeld 415,00"
            />
            <Veld
              naam="prijsPerUurCent"
              label="Prijs per uur in euro (niet verplicht)"
              inputMode="decimal"
              fout={fout("prijsPerUurCent")}
              uitleg="Alleen bij categorieën die in uren werken"
            />
            <Veld naam="geldigVanaf" label="Geldig vanaf" type="date" fout={fout("geldigVanaf")} />
          </div>
          <Knop disabled={bezig} aria-disabled={bezig}>
            {bezig ? "Bezig…" : "Tarief vaststellen"}
          </Knop>
        </Form>
      </section>
    </>
  );
}
