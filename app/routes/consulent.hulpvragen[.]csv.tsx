import type { LoaderFunctionArgs } from "@remix-run/node";
import { vereisGebruiker } from "../auth/guards.server";
import { moment, datum } from "../format/nl";
import { csv, csvAntwoord } from "../http/csv.server";
import { consulentLijst } from "../http/hulpvragenlijst.server";
import { URGENTIES } from "../schemas/catalogus";
import { resultaatTekst } from "../components/catalogus-tekst";
import { statusTekst } from "../components/ui";

/** The consulent's request list as CSV: the same status tab, search and sort as the page it was downloaded from. */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const consulent = vereisGebruiker(context, request, "consulent");
  const { items, status } = await consulentLijst(consulent, new URL(request.url).searchParams);
  const inhoud = csv(
    [
      "Hulpvraag",
      "Resultaten",
      "Cliënt",
      "Status",
      "Urgentie",
      "Regio",
      "Startdatum",
      "Reactietermijn",
      "Aanbiedingen",
    ],
    items.map((h) => [
      h.id,
      h.resultaten.map((r) => resultaatTekst(r.code)).join(", "),
      h.clientNaam ?? "",
      statusTekst(h.status),
      URGENTIES[h.urgentie],
      h.regio,
      datum(h.startdatum),
      h.status === "concept" ? "" : moment(h.deadline),
      h.status === "concept" ? null : h.aantalAanbiedingen,
    ]),
  );
  return csvAntwoord(`hulpvragen_${status ?? "alle"}.csv`, inhoud);
}
