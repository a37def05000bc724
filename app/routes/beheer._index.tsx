import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { aantal } from "../format/nl";
import { vereisGebruiker } from "../auth/guards.server";
import { amsterdamDatum } from "../domain/deadline";
import { lijstAanbieders, lijstConsortia } from "../domain/aanbieders.server";
import { leesEigenRegelboek, lijstContracten } from "../domain/contracten.server";
import { lijstProductcodes } from "../domain/productcodes.server";
import { lijstGebruikers } from "../domain/gebruikers.server";

export const meta: MetaFunction = () => [{ title: "Beheer van de markt — Zorgveiling" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = vereisGebruiker(context, request, "beheerder");
  const [aanbieders, consortia, contracten, codes, regelboek, gebruikers] = await Promise.all([
    lijstAanbieders(actor),
    lijstConsortia(actor),
    lijstContracten(actor),
    lijstProductcodes(actor),
    leesEigenRegelboek(actor),
    lijstGebruikers(actor),
  ]);
  const vandaag = amsterdamDatum(new Date());
  return json({
    aanbieders: aanbieders.length,
    consortia: consortia.length,
    lopendeContracten: contracten.filter(({ contract: c }) => c.startdatum <= vandaag && c.einddatum >= vandaag).length,
    contracten: contracten.length,
    productcodes: codes.filter((c) => c.actief).length,
    zonderTarief: codes.filter((c) => c.actief && c.tariefPerEenheidCent === null).length,
    regelboek,
    gebruikers: gebruikers.length,
  });
}

export default function BeheerOverzicht() {
  const d = useLoaderData<typeof loader>();
  const r = d.regelboek;
  const kaarten = [
    {
      naar: "/beheer/aanbieders",
      titel: "Aanbieders",
      tekst: `${aantal(d.aanbieders, "aanbieder", "aanbieders")} en ${aantal(d.consortia, "consortium", "consortia")} in het register.`,
    },
    {
      naar: "/beheer/contracten",
      titel: "Contracten",
      tekst: `${d.lopendeContracten} lopende van ${d.contracten} raamovereenkomsten.`,
    },
    {
      naar: "/beheer/productcodes",
      titel: "Productcodes en tarieven",
      tekst: `${aantal(d.productcodes, "actieve productcode", "actieve productcodes")} met een reëel tarief per eenheid en historie${d.zonderTarief ? `; ${d.zonderTarief} nog zonder tarief` : ""}.`,
    },
    {
      naar: "/beheer/regelboek",
      titel: "Regelboek",
      tekst: `Contract minstens ${r.minContractMaanden} maanden, ${r.gunningVoorStartMaanden} maanden voor de start gegund; plafond personeelsmutatie ${r.personeelsmutatiePlafondProcent}%; zzp ${r.zzpToegestaan ? "toegestaan" : "niet toegestaan"}.`,
    },
    { naar: "/beheer/gebruikers", titel: "Gebruikers", tekst: `${d.gebruikers} medewerkers van uw gemeente.` },
  ];
  return (
    <>
      <h1 className="utrecht-heading-1">Beheer van de markt</h1>
      <p className="utrecht-paragraph">
        Hier legt u vast wie mag bieden en onder welke regels: aanbieders, contracten, productcodes met hun reële
        tarieven, het regelboek en de gebruikers van uw gemeente.
      </p>
      <ul className="zv-kaarten">
        {kaarten.map((k) => (
          <li key={k.naar} className="zv-kaart">
            <h2 className="utrecht-heading-3">
              <Link className="utrecht-link" to={k.naar}>
                {k.titel}
              </Link>
            </h2>
            <p className="utrecht-paragraph">{k.tekst}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
