import type { AanbiedingWeergave } from "../domain/aanbieding-weergave";
import { perEenheid } from "../domain/productcode-varianten";
import { caoTekst, categorieTekst } from "./catalogus-tekst";
import { aantal, datum, euro, moment } from "../format/nl";
import { Tabel } from "./Tabel";
import { StatusLabel } from "./ui";

/** A stored version: the offer as it was submitted then. */
export type Versie = {
  versie: number;
  op: string;
  inhoud: { prijsPerMaandCent: number; startdatum: string; einddatum: string; cao: string; componenten: unknown[] };
};

export function Versies({ versies }: { versies: Versie[] }) {
  if (versies.length === 0) return null;
  return (
    <section aria-labelledby="versies-titel">
      <h2 id="versies-titel" className="utrecht-heading-2">
        Eerdere versies
      </h2>
      <Tabel
        bijschrift="Alle ingediende versies van uw aanbieding"
        verbergBijschrift
        kolommen={["Versie", "Ingediend op", "Prijs per maand", "Periode", "Cao", "Onderdelen"]}
        leeg="Nog geen versies."
        rijen={[...versies].reverse().map((v) => ({
          sleutel: String(v.versie),
          cellen: [
            v.versie,
            moment(v.op),
            euro(v.inhoud.prijsPerMaandCent),
            `${datum(v.inhoud.startdatum)} tot en met ${datum(v.inhoud.einddatum)}`,
            caoTekst(v.inhoud.cao),
            v.inhoud.componenten.length,
          ],
        }))}
      />
    </section>
  );
}

/** One offer at a glance, as its bidder and the consortium members read it. */
export function AanbiedingSamenvatting({ a }: { a: AanbiedingWeergave }) {
  return (
    <div className="zv-kaart" data-testid={`aanbieding-${a.id}`}>
      <p className="utrecht-paragraph">
        <StatusLabel status={a.status} />{" "}
        {a.consortiumNaam ? (
          <>
            Namens consortium <strong>{a.consortiumNaam}</strong>,{" "}
          </>
        ) : null}
        versie {a.versie}, laatst gewijzigd {moment(a.updatedAt)}.
      </p>
      <p className="utrecht-paragraph">
        <strong>{euro(a.prijsPerMaandCent)} per maand</strong> ({euro(a.totaalCent)} over{" "}
        {aantal(a.maanden, "maand", "maanden")}), van {datum(a.startdatum)} tot en met {datum(a.einddatum)}.
      </p>
      <ul>
        {a.componenten.map((c, i) => (
          <li key={i}>
            {c.productcode ? `${c.productcode} ` : ""}
            {categorieTekst(c.productcategorie)} door {c.aanbiederNaam}: {euro(c.prijsPerMaandCent)} per maand
            {c.omvangTekst ? ` (${c.omvangTekst}` : ""}
            {c.omvangTekst && c.prijsPerEenheidCent !== null && c.eenheid
              ? ` à ${euro(c.prijsPerEenheidCent)} ${perEenheid(c.eenheid)})`
              : c.omvangTekst
                ? ")"
                : ""}
          </li>
        ))}
      </ul>
      <Uitkomst a={a} />
    </div>
  );
}

const UITKOMST: Record<string, string> = {
  gegund: "Uw aanbieding is gegund. De gemeente stuurt de toewijzing.",
  afgewezen: "Uw aanbieding is afgewezen: de gemeente heeft haar niet gekozen.",
};

/** The gemeente's decision with its short motivation, as soon as the round is closed. */
function Uitkomst({ a }: { a: Pick<AanbiedingWeergave, "status" | "uitkomstMotivatie"> }) {
  if (!UITKOMST[a.status]) return null;
  return (
    <div data-testid="uitkomst">
      <p className="utrecht-paragraph">
        <strong>{UITKOMST[a.status]}</strong>
      </p>
      {a.uitkomstMotivatie ? (
        <p className="utrecht-paragraph">Motivatie van de gemeente: “{a.uitkomstMotivatie}”</p>
      ) : null}
    </div>
  );
}
