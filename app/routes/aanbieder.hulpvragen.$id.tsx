import {
  json,
  type TypedResponse,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { vereisGebruiker } from "../auth/guards.server";
import { AanbiedingFormulier, codeTekst } from "../components/AanbiedingFormulier";
import { categorieTekst } from "../components/catalogus-tekst";
import { AanbiedingSamenvatting, Versies, type Versie } from "../components/AanbiedingOverzicht";
import { HulpvraagKenmerken } from "../components/HulpvraagKenmerken";
import { Bevestiging, Weigering } from "../components/FormulierMeldingen";
import { Begrip } from "../components/Begrip";
import { Knop, Melding, StatusLabel } from "../components/ui";
import { lijstAanbieders, lijstConsortia } from "../domain/aanbieders.server";
import {
  dienAanbiedingIn,
  herzieAanbieding,
  lijstAanbiedingen,
  trekAanbiedingIn,
  versiesVan,
} from "../domain/aanbiedingen.server";
import type { AanbiedingWeergave } from "../domain/aanbieding-weergave";
import { overnameVereistVoorAanbieder } from "../domain/aanbieding-regels.server";
import { productcodesVanGemeente } from "../domain/productcodes.server";
import type { FoutDetail } from "../domain/errors";
import { plusDag, plusMaanden } from "../domain/datums";
import { amsterdamDatum } from "../domain/deadline";
import { leesHulpvraag } from "../domain/hulpvragen.server";
import { organisatieVan } from "../domain/organisaties.server";
import { naar, verwerk, type FormulierFout } from "../http/formulier.server";
import { ofNietGevonden } from "../http/gevonden.server";
import { AanbiedingSchema } from "../schemas/aanbieding";
import {
  invoerUitWaarden,
  legeComponent,
  naarSchermVeld,
  waardenUitAanbieding,
  waardenUitFormulier,
  type AanbiedingWaarden,
} from "../schemas/aanbieding-formulier";
import { parseInvoer } from "../schemas/parse";
import { useLive } from "../../realtime/useLive";
import { KetenAanbieder, type Keten, type KetenUitkomst } from "../components/IwmoKeten";
import { isKetenIntent, ketenActie } from "../http/iwmo-formulier.server";
import { ketenVoorAanbieder, toewijzingVanHulpvraag } from "../domain/iwmo/keten.server";

export const meta: MetaFunction = () => [{ title: "Hulpvraag en uw aanbieding — Zorgveiling" }];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const actor = vereisGebruiker(context, request, "aanbieder");
  const aanbiederId = actor.aanbiederId!;
  const hulpvraag = await ofNietGevonden(leesHulpvraag(actor, params.id!));
  const [alleAanbiedingen, consortia, organisatie, alleCodes, aanbieders] = await Promise.all([
    lijstAanbiedingen(actor, hulpvraag.id),
    lijstConsortia(actor),
    organisatieVan(actor),
    productcodesVanGemeente(hulpvraag.gemeenteId),
    lijstAanbieders(actor),
  ]);
  // Staff users get the full offer view; only a client gets the short one.
  const aanbiedingen = alleAanbiedingen as AanbiedingWeergave[];
  // Offers this organisation placed itself can be changed; a partner's consortium offer is only read.
  const eigen = aanbiedingen.filter((a) => a.aanbiederId === aanbiederId);
  const gekozenId = new URL(request.url).searchParams.get("aanbieding");
  const nieuw = gekozenId === "nieuw";
  const gekozen = nieuw
    ? null
    : (eigen.find((a) => a.id === gekozenId) ?? eigen.find((a) => a.status === "ingediend") ?? eigen[0] ?? null);
  const versies = gekozen ? await versiesVan(actor, gekozen.id) : [];
  // After the award, its winner follows the toewijzing here: the WMO301, start and end of care.
  const keten = hulpvraag.status === "gegund" ? await ketenVoorAanbieder(actor, hulpvraag.id) : null;
  // The codes an offer on this request can name: the gemeente's, in the asked categories, active, with a tariff today.
  const codes = alleCodes.flatMap((c) =>
    c.actief && c.tariefPerEenheidCent !== null && hulpvraag.productcategorieen.includes(c.productcategorie)
      ? [
          {
            code: c.code,
            productcategorie: c.productcategorie,
            omschrijving: c.omschrijving,
            uitvoeringsvariant: c.uitvoeringsvariant,
            eenheid: c.eenheid,
            frequentie: c.frequentie,
            tariefPerEenheidCent: c.tariefPerEenheidCent,
          },
        ]
      : [],
  );
  const naamVan = (id: string) => aanbieders.find((a) => a.id === id)?.naam ?? null;
  const huidig = hulpvraag.huidigeZorg;
  // Rule 4 judged by the domain, the yearly cap included; the page only words it for this reader.
  const overname = await overnameVereistVoorAanbieder(actor, hulpvraag);
  const overnameReden = !overname
    ? null
    : overname.grond === "behouden" && huidig
      ? `De cliënt wil de huidige hulpverlener (${huidig.hulpverlenerRol} bij ${naamVan(huidig.aanbiederId) ?? "een andere aanbieder"}) houden. Komt uw aanbod niet van die aanbieder, dan zegt u toe dat deze hulpverlener bij u een baan krijgt onder de geldende cao.`
      : `${overname.tekst} Zeg toe dat u deze hulpverlener een baan aanbiedt onder de geldende cao.`;
  return json({
    hulpvraag,
    nu: Date.now(),
    open: hulpvraag.status === "open" && new Date(hulpvraag.deadline).getTime() > Date.now(),
    eigen,
    vanPartners: aanbiedingen.filter((a) => a.aanbiederId !== aanbiederId),
    gekozen,
    nieuw,
    versies: versies.map((v) => ({
      versie: v.versie,
      op: v.createdAt.toISOString(),
      inhoud: v.inhoud as Versie["inhoud"],
    })),
    organisatie: { id: aanbiederId, naam: organisatie?.naam ?? aanbiederId },
    consortia: consortia
      .filter((c) => c.penvoerderId === aanbiederId)
      .map((c) => ({ id: c.id, naam: c.naam, leden: c.leden })),
    codes,
    huidigeAanbieder: huidig ? naamVan(huidig.aanbiederId) : null,
    overnameReden,
    keten,
  });
}

type Antwoord = {
  waarden: AanbiedingWaarden | null;
  fouten: FoutDetail[];
  melding: string | null;
  sleutel: string;
  /** A refusal of the iWmo chain section, shown there and not with the offer form. */
  keten?: KetenUitkomst;
};

export async function action({ context, request, params }: ActionFunctionArgs) {
  const actor = vereisGebruiker(context, request, "aanbieder");
  const hulpvraagId = params.id!;
  const formulier = await request.formData();
  const actie = String(formulier.get("_actie") ?? "indienen");
  const aanbiedingId = typeof formulier.get("aanbiedingId") === "string" ? String(formulier.get("aanbiedingId")) : "";
  const pagina = `/aanbieder/hulpvragen/${hulpvraagId}`;
  const sleutel = String(Date.now());

  const intent = formulier.get("intent");
  if (isKetenIntent(intent)) {
    const toewijzingId = await toewijzingVanHulpvraag(hulpvraagId);
    if (!toewijzingId) throw new Response("Niet gevonden", { status: 404 });
    const r = await ketenActie(actor, toewijzingId, intent, formulier, pagina);
    return json<Antwoord>(
      { waarden: null, fouten: [], melding: null, sleutel, keten: (await r.json()) as KetenUitkomst },
      { status: r.status },
    );
  }

  if (actie === "intrekken") {
    const uitkomst = await verwerk(async () => {
      await trekAanbiedingIn(actor, aanbiedingId);
      return naar(`${pagina}?aanbieding=${aanbiedingId}`, "Uw aanbieding is ingetrokken.");
    });
    if (uitkomst.status < 400) return uitkomst as TypedResponse<never>;
    const fout = (await uitkomst.json()) as FormulierFout;
    return json<Antwoord>(
      { waarden: null, fouten: fout.fouten, melding: fout.melding, sleutel },
      { status: uitkomst.status },
    );
  }

  const waarden = waardenUitFormulier(formulier);
  if (actie === "toevoegen" || actie.startsWith("verwijder:")) {
    const weg = actie === "toevoegen" ? -1 : Number(actie.slice("verwijder:".length));
    const componenten =
      actie === "toevoegen"
        ? [...waarden.componenten, legeComponent(actor.aanbiederId!)]
        : waarden.componenten.filter((_, i) => i !== weg);
    return json<Antwoord>({ waarden: { ...waarden, componenten }, fouten: [], melding: null, sleutel });
  }

  const { invoer, rijVan } = invoerUitWaarden(waarden);
  const uitkomst = await verwerk(async () => {
    const geldig = parseInvoer(AanbiedingSchema, invoer);
    const a = aanbiedingId
      ? await herzieAanbieding(actor, aanbiedingId, geldig)
      : await dienAanbiedingIn(actor, hulpvraagId, geldig);
    return naar(
      `${pagina}?aanbieding=${a.id}`,
      aanbiedingId ? "Uw aanbieding is herzien." : "Uw aanbieding is ingediend.",
    );
  });
  if (uitkomst.status < 400) return uitkomst as TypedResponse<never>;
  const fout = (await uitkomst.json()) as FormulierFout;
  return json<Antwoord>(
    {
      waarden,
      fouten: fout.fouten.map((f) => ({ ...f, field: naarSchermVeld(f.field, rijVan) })),
      melding: fout.melding,
      sleutel,
    },
    { status: uitkomst.status },
  );
}

export default function HulpvraagVoorAanbieder() {
  const data = useLoaderData<typeof loader>();
  const uitkomst = useActionData<typeof action>();
  const navigatie = useNavigation();
  const revalidator = useRevalidator();
  const { hulpvraag, gekozen, open } = data;

  useLive((e) => {
    if (e.payload.hulpvraagId === hulpvraag.id) revalidator.revalidate();
  });

  const waarden =
    uitkomst?.waarden ?? (gekozen ? waardenUitAanbieding(gekozen) : leegFormulier(hulpvraag, data.organisatie.id));
  const sleutel = uitkomst?.sleutel ?? `${gekozen?.id ?? "nieuw"}-${gekozen?.versie ?? 0}-${gekozen?.status ?? ""}`;
  const bezig = navigatie.state === "submitting" && navigatie.formData?.get("_actie") === "indienen";
  const kanNogEen =
    open &&
    !data.nieuw &&
    data.eigen.length > 0 &&
    data.consortia.length > 0 &&
    data.eigen.length < data.consortia.length + 1;

  return (
    <>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/aanbieder">
          Terug naar open hulpvragen
        </Link>
      </p>
      <h1 className="utrecht-heading-1">Hulpvraag in {hulpvraag.regio}</h1>
      <Bevestiging verberg={Boolean(uitkomst)} />
      <Weigering uitkomst={uitkomst} titel="Uw aanbieding is niet opgeslagen" />

      {data.keten ? (
        <KetenAanbieder
          keten={data.keten as Keten}
          downloadPad={`/aanbieder/hulpvragen/${hulpvraag.id}/wmo301`}
          uitkomst={uitkomst?.keten}
          bezig={
            typeof navigatie.formData?.get("intent") === "string" ? String(navigatie.formData.get("intent")) : null
          }
        />
      ) : null}

      <section aria-labelledby="vraag-titel">
        <h2 id="vraag-titel" className="utrecht-heading-2">
          Wat de cliënt vraagt <StatusLabel status={hulpvraag.status} />
        </h2>
        <HulpvraagKenmerken h={hulpvraag} nu={data.nu} huidigeAanbieder={data.huidigeAanbieder} />
        {data.codes.length ? (
          <>
            <h3 className="utrecht-heading-3">Productcodes en reële tarieven van de gemeente</h3>
            <ul>
              {data.codes.map((c) => (
                <li key={c.code} data-testid={`tarief-${c.code}`}>
                  {categorieTekst(c.productcategorie)}: {codeTekst(c)}
                </li>
              ))}
            </ul>
            <Begrip woord="tarief" />
          </>
        ) : null}
      </section>

      <section aria-labelledby="aanbod-titel">
        <h2 id="aanbod-titel" className="utrecht-heading-2">
          Uw aanbiedingen
        </h2>
        {data.eigen.length === 0 && data.vanPartners.length === 0 ? (
          <p className="utrecht-paragraph zv-leeg">U heeft nog geen aanbieding gedaan op deze hulpvraag.</p>
        ) : null}
        {data.eigen.map((a) => (
          <div key={a.id}>
            <AanbiedingSamenvatting a={a} />
            {a.id !== gekozen?.id ? (
              <p className="utrecht-paragraph">
                <Link className="utrecht-link" to={`?aanbieding=${a.id}`}>
                  Deze aanbieding bekijken of herzien
                </Link>
              </p>
            ) : null}
          </div>
        ))}
        {data.vanPartners.map((a) => (
          <div key={a.id}>
            <AanbiedingSamenvatting a={a} />
            <p className="utrecht-paragraph zv-meta">
              De penvoerder {a.aanbiederNaam} dient deze aanbieding in en past haar aan.
            </p>
          </div>
        ))}
        {kanNogEen ? (
          <p className="utrecht-paragraph">
            <Link className="utrecht-link" to="?aanbieding=nieuw">
              Nog een aanbieding doen, bijvoorbeeld als consortium
            </Link>
          </p>
        ) : null}
      </section>

      {open ? (
        <>
          <AanbiedingFormulier
            key={sleutel}
            hulpvraag={hulpvraag}
            waarden={waarden}
            eigen={data.organisatie}
            consortia={data.consortia}
            codes={data.codes}
            fouten={uitkomst?.fouten ?? []}
            aanbiedingId={gekozen?.id}
            overnameReden={data.overnameReden}
            bezig={bezig}
            knopTekst={
              !gekozen
                ? "Aanbieding indienen"
                : gekozen.status === "ingetrokken"
                  ? "Opnieuw indienen"
                  : "Aanbieding herzien"
            }
          />
          {gekozen?.status === "ingediend" ? (
            <details className="zv-kaart">
              <summary>Aanbieding intrekken</summary>
              <Form method="post">
                <input type="hidden" name="aanbiedingId" value={gekozen.id} />
                <p className="utrecht-paragraph">
                  Weet u het zeker? De consulent ziet uw aanbieding dan niet meer. Tot de deadline kunt u opnieuw
                  indienen.
                </p>
                <Knop variant="danger" name="_actie" value="intrekken">
                  Ja, trek mijn aanbieding in
                </Knop>
              </Form>
            </details>
          ) : null}
        </>
      ) : (
        <Melding soort="info" titel="Reageren kan niet meer">
          <p className="utrecht-paragraph">
            De reactietermijn is voorbij of de hulpvraag is niet meer open. U kunt uw aanbieding alleen nog bekijken.
          </p>
        </Melding>
      )}
      <Versies versies={data.versies} />
    </>
  );
}

/** A first offer starts from the asked period; the provider changes what does not fit. */
function leegFormulier(h: { startdatum: string; duurMaanden: number }, aanbiederId: string): AanbiedingWaarden {
  return {
    consortiumId: "",
    startdatum: h.startdatum,
    einddatum: plusDag(plusMaanden(h.startdatum, h.duurMaanden), -1),
    cao: "",
    dienstverband: "loondienst",
    overnameHulpverlener: false,
    overnameAantal: "1",
    samenvatting: "",
    componenten: [legeComponent(aanbiederId)],
  };
}
