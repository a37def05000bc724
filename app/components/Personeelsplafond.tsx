import { Cijfers } from "./Cijfers";
import { Tabel } from "./Tabel";
import { datum } from "../format/nl";

type KapRij = {
  aanbiederId: string;
  aanbiederNaam: string;
  procent: number;
  koppen: number | null;
  fte: number | null;
  toegestaan: number;
  gebruikt: number;
  ruimte: number;
};

/** Rule 4's yearly cap per contracted aanbieder (from `kapGebruik`): the same plain figures a chart can use. */
export function KapTabel({ jaar, rijen }: { jaar: number; rijen: KapRij[] }) {
  return (
    <Tabel
      bijschrift={`Gebruik van het personeelsplafond per aanbieder in ${jaar}`}
      testId="kapgebruik"
      kolommen={["Aanbieder", "Personeelsbestand", "Fte", "Plafond", "Vertrokken zonder overname", "Ruimte"]}
      leeg="Uw gemeente heeft nog geen contracten met aanbieders."
      rijen={rijen.map((k) => ({
        sleutel: k.aanbiederId,
        testId: `kap-${k.aanbiederId}`,
        cellen: [
          k.aanbiederNaam,
          k.koppen === null ? "niet vastgelegd" : k.koppen,
          k.fte === null ? "—" : k.fte.toLocaleString("nl-NL", { minimumFractionDigits: 1 }),
          `${k.toegestaan} (${k.procent}%)`,
          k.gebruikt,
          k.ruimte,
        ],
      }))}
    />
  );
}

/**
 * Toezicht's chart and table of rule 4's cap (marktcijfers' `personeelsplafond`, read through
 * `plafondgebruik` from `kapGebruik`): the same figures as /toezicht/personeel and the signal.
 */
export function PlafondCijfers({ plafond }: { plafond: { jaar: number; items: KapRij[] } }) {
  return (
    <Cijfers
      id="personeelsplafond"
      titel={`Personeelsplafond ${plafond.jaar}: medewerkers vertrokken zonder baanaanbod`}
      koppen={["Aanbieder", "Personeelsbestand", "Plafond", "Vertrokken zonder baanaanbod", "Ruimte"]}
      leeg="Uw gemeente heeft nog geen contracten met aanbieders."
      rijen={plafond.items.map((k) => [
        k.aanbiederNaam,
        k.koppen === null ? "niet vastgelegd" : String(k.koppen),
        `${k.toegestaan} (${k.procent}%)`,
        String(k.gebruikt),
        String(k.ruimte),
      ])}
      staven={plafond.items.map((k) => ({ label: k.aanbiederNaam, waarde: k.gebruikt }))}
    />
  );
}

type Collectief = {
  id: string;
  datum: string;
  vanAanbiederNaam?: string;
  naarAanbiederNaam?: string;
  aantalMedewerkers: number;
  voorwaarden: string;
};

export function CollectieveOvernamesTabel({ rijen }: { rijen: Collectief[] }) {
  return (
    <Tabel
      bijschrift="Collectieve personeelsovernames"
      testId="collectieve-overnames"
      kolommen={["Per", "Van", "Naar", "Medewerkers", "Afspraken"]}
      leeg="Er is nog geen collectieve personeelsovername vastgelegd."
      rijen={rijen.map((c) => ({
        sleutel: c.id,
        cellen: [datum(c.datum), c.vanAanbiederNaam, c.naarAanbiederNaam, c.aantalMedewerkers, c.voorwaarden],
      }))}
    />
  );
}

export const OPVOLGING_TEKST: Record<string, string> = {
  open: "Open",
  gedaan: "Gedaan",
  niet_nodig: "Niet nodig",
  geschonden: "Niet nagekomen",
};
