import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { vereisGebruiker } from "../auth/guards.server";
import { moment } from "../format/nl";
import { foutenVoor } from "../components/fouten";
import { Bevestiging, Weigering } from "../components/FormulierMeldingen";
import { Keuze, Keuzegroep } from "../components/keuzes";
import { Knop, Veld } from "../components/ui";
import { leesEigenRegelboek, wijzigRegelboek } from "../domain/contracten.server";
import { naar, verwerk } from "../http/formulier.server";
import { getal } from "../schemas/formulier";
import { RegelboekSchema } from "../schemas/beheer";
import { parseInvoer } from "../schemas/parse";

export const meta: MetaFunction = () => [{ title: "Regelboek — Zorgveiling" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = vereisGebruiker(context, request, "beheerder");
  return json({ regelboek: await leesEigenRegelboek(actor) });
}

const GETALLEN = [
  "minContractMaanden",
  "gunningVoorStartMaanden",
  "personeelsmutatiePlafondProcent",
  "deadlineSpoedUren",
  "deadlineRegulierWerkdagen",
  "bewaartermijnMaanden",
  "ocdsPrijsVertragingDagen",
  "toewijzingnummerVan",
  "toewijzingnummerTot",
] as const;

export async function action({ context, request }: ActionFunctionArgs) {
  const actor = vereisGebruiker(context, request, "beheerder");
  const f = await request.formData();
  return verwerk(async () => {
    const invoer = Object.fromEntries(GETALLEN.map((naam) => [naam, getal(f, naam)]));
    // "3, 12" or "3 12": the months as numbers; anything else reaches the schema as it was typed, to be named there.
    const maanden = String(f.get("resultaatcheckMaanden") ?? "")
      .split(/[\s,;]+/)
      .filter(Boolean)
      .map((m) => (/^\d+$/.test(m) ? Number(m) : m));
    await wijzigRegelboek(
      actor,
      parseInvoer(RegelboekSchema, {
        ...invoer,
        zzpToegestaan: f.get("zzpToegestaan") === "ja",
        resultaatcheckMaanden: maanden,
      }),
    );
    return naar("/beheer/regelboek", "Het regelboek is gewijzigd.");
  });
}

export default function Regelboek() {
  const { regelboek: r } = useLoaderData<typeof loader>();
  const uitkomst = useActionData<typeof action>();
  const bezig = useNavigation().state === "submitting";
  const fout = (veld: string) => foutenVoor(uitkomst, veld);
  const getalVeld = (naam: (typeof GETALLEN)[number], label: string, uitleg: string) => (
    <Veld
      naam={naam}
      label={label}
      type="number"
      inputMode="numeric"
      min={0}
      defaultValue={r[naam]}
      fout={fout(naam)}
      uitleg={uitleg}
    />
  );
  return (
    <>
      <h1 className="utrecht-heading-1">Regelboek</h1>
      <p className="utrecht-paragraph">
        De regels van uw gemeente voor contracten en aanbiedingen. Laatst gewijzigd op {moment(r.updatedAt)}. Elke
        wijziging staat in de audittrail.
      </p>
      <Bevestiging verberg={Boolean(uitkomst)} />
      <Weigering uitkomst={uitkomst} titel="Het regelboek is niet gewijzigd" />
      <Form method="post" noValidate>
        <h2 className="utrecht-heading-2">Contracten</h2>
        {getalVeld(
          "minContractMaanden",
          "Minimale looptijd van een contract (maanden)",
          "Standaard 36 maanden: meerjarige contracten.",
        )}
        {getalVeld(
          "gunningVoorStartMaanden",
          "Gunnen minstens zoveel maanden voor de start",
          "Standaard 3 maanden voorbereidingstijd.",
        )}
        <h2 className="utrecht-heading-2">Personeel</h2>
        {getalVeld(
          "personeelsmutatiePlafondProcent",
          "Plafond cliëntverhuizingen zonder personeelsovername (procent per jaar)",
          "Daarboven moet elke nieuwe aanbieder de hulpverlener een baan aanbieden.",
        )}
        <Keuzegroep legend="Zzp'ers" fout={fout("zzpToegestaan")}>
          <Keuze type="checkbox" naam="zzpToegestaan" waarde="ja" aan={r.zzpToegestaan}>
            Aanbieders mogen zelfstandigen zonder personeel inzetten
          </Keuze>
        </Keuzegroep>
        <h2 className="utrecht-heading-2">Reactietermijnen</h2>
        {getalVeld("deadlineSpoedUren", "Reactietermijn bij spoed (uren)", "Standaard 48 uur.")}
        {getalVeld(
          "deadlineRegulierWerkdagen",
          "Reactietermijn regulier (werkdagen)",
          "Standaard 5 werkdagen; de consulent kan een ander moment kiezen.",
        )}
        <h2 className="utrecht-heading-2">Privacy</h2>
        {getalVeld(
          "bewaartermijnMaanden",
          "Bewaartermijn van cliëntgegevens (maanden)",
          "Standaard 24 maanden. Zo lang na de laatste wijziging van een afgesloten hulpvraag worden naam, BSN, adres en contactgegevens van de cliënt vervangen; de toewijzing blijft bestaan.",
        )}
        <h2 className="utrecht-heading-2">Openbaarheid van gunningen</h2>
        {getalVeld(
          "ocdsPrijsVertragingDagen",
          "Prijs van een gunning openbaar voor andere aanbieders na (dagen)",
          "Standaard 90 dagen. De gemeente en de gekozen aanbieder zien de prijs meteen; andere aanbieders zien in het open-contractingrecord (OCDS) pas na deze termijn wat er gegund is. Zo leren concurrenten niet meteen elkaars prijzen en is de zorg van één inwoner in een kleine gemeente niet direct te herleiden. 0 is meteen.",
        )}
        <h2 className="utrecht-heading-2">Resultaten</h2>
        <Veld
          naam="resultaatcheckMaanden"
          label="Resultaatcheck na (maanden na de start van de zorg)"
          inputMode="numeric"
          defaultValue={r.resultaatcheckMaanden.join(", ")}
          fout={fout("resultaatcheckMaanden")}
          uitleg="Standaard 3, 12. Op elk moment krijgt de cliënt een nieuwe uitnodiging voor drie korte vragen per resultaat, en legt de consulent het eigen oordeel vast. Leeg: geen checks."
        />
        <h2 className="utrecht-heading-2">iWmo</h2>
        <p className="utrecht-paragraph">
          De ToewijzingNummers die Zorgveiling uitgeeft, in een reeks die uw Wmo-backoffice nooit gebruikt: een nummer
          is uniek in het hele Wmo-domein van de gemeente. Laatst uitgegeven: {r.toewijzingnummerLaatste ?? "nog geen"}.
        </p>
        {getalVeld("toewijzingnummerVan", "Eerste ToewijzingNummer", "Standaard 900000000.")}
        {getalVeld(
          "toewijzingnummerTot",
          "Laatste ToewijzingNummer",
          "Standaard 999999999. Een reeks met al uitgegeven nummers wordt geweigerd.",
        )}
        <Knop disabled={bezig} aria-disabled={bezig}>
          {bezig ? "Bezig…" : "Regelboek opslaan"}
        </Knop>
      </Form>
    </>
  );
}
