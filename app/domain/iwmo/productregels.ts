/**
 * From the components of a toewijzing to the product lines of a WMO301: Omvang or Budget as the
 * uitvoeringsvariant demands (OP261–OP263, CD041, CD077), and one line per code and period
 * (TR302, OP259), so two consortium members under one code become one line with their volumes
 * added up.
 */
import type { ToewijzingComponent, ToewijzingExport } from "../toewijzing-types";
import { maandenInPeriode } from "./periode";

const NUMMER_MAX = 999_999_999; // LDT_Nummer
export const BEDRAG_MAX = 99_999_999; // LDT_Volume and LDT_Budget

export type Uitvoeringsvariant = NonNullable<ToewijzingComponent["uitvoeringsvariant"]>;

export type Productregel = {
  toewijzingNummer: number;
  categorie: string;
  /** Empty for taakgericht: a Budget goes without a product code (CD077, CD079). */
  code: string | null;
  ingangsdatum: string;
  einddatum: string;
  omvang: { volume: number; eenheid: string; frequentie: string } | null;
  /** In cents over the whole period (iWmo's Budget), only without Omvang. */
  budget: number | null;
  redenWijziging: string | null;
};

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(s)) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  return h;
}

/**
 * ToewijzingNummer per component: the number given at the award (the gemeente's range,
 * app/domain/iwmo/nummerreeks.server.ts). Very old toewijzingen without one get a number derived
 * from the toewijzing id and position, so the same toewijzing always shows the same numbers.
 */
export function toewijzingNummers(t: ToewijzingExport): number[] {
  const gebruikt = new Set(t.componenten.flatMap((c) => (c.toewijzingNummer == null ? [] : [c.toewijzingNummer])));
  return t.componenten.map((c, i) => {
    if (c.toewijzingNummer != null) return c.toewijzingNummer;
    let n = (fnv1a(`${t.toewijzingId}:${i}`) % NUMMER_MAX) + 1;
    while (gebruikt.has(n)) n = (n % NUMMER_MAX) + 1;
    gebruikt.add(n);
    return n;
  });
}

/**
 * The component's variant. Toewijzingen from before the productcodelijst name none: hours are
 * inspanningsgericht, a price per month is a monthly result, so outputgericht.
 */
export function varianteVan(c: ToewijzingComponent): Uitvoeringsvariant {
  return c.uitvoeringsvariant ?? (c.volume ? "inspanningsgericht" : "outputgericht");
}

const TIJD_OF_STUKS_INSPANNING = new Set(["01", "04", "14", "16", "84"]);
const OUTPUT = new Set(["82", "83"]);
const geheel = (n: number) => Number.isInteger(n) && n >= 0 && n <= BEDRAG_MAX;

/** Omvang or Budget for one component, or the reason it cannot be sent. */
export function omvangOfBudget(
  c: ToewijzingComponent,
): { omvang: Productregel["omvang"]; budget: number | null; code: string | null } | { fout: string } {
  const variant = varianteVan(c);
  if (variant === "taakgericht") {
    // A task is paid as a budget for the whole period, without product code or Omvang (CD077/CD080).
    if (c.budgetCent == null || !geheel(c.budgetCent)) return { fout: "taakgericht vraagt een budget per maand" };
    const budget = Math.round(c.budgetCent * maandenInPeriode(c.startdatum, c.einddatum));
    return geheel(budget) ? { omvang: null, budget, code: null } : { fout: `budget boven ${BEDRAG_MAX} cent` };
  }
  if (c.volume) {
    const { omvang, eenheid, frequentie } = c.volume;
    const past = variant === "inspanningsgericht" ? TIJD_OF_STUKS_INSPANNING.has(eenheid) : OUTPUT.has(eenheid);
    if (!past) return { fout: `eenheid ${eenheid} past niet bij ${variant} (OP262/OP263)` };
    if (geheel(omvang)) return { omvang: { volume: omvang, eenheid, frequentie }, budget: null, code: c.productcode };
    // LDT_Volume is whole: 2.5 uur per week becomes 150 minuten per week, which iWmo allows.
    const minuten = omvang * 60;
    if (eenheid === "04" && Math.abs(minuten - Math.round(minuten)) < 1e-9 && geheel(Math.round(minuten)))
      return { omvang: { volume: Math.round(minuten), eenheid: "01", frequentie }, budget: null, code: c.productcode };
    return { fout: `omvang ${omvang} is geen geheel getal 0..${BEDRAG_MAX} (halve uren mogen)` };
  }
  if (variant === "outputgericht" && c.budgetCent != null)
    // A monthly result priced per piece: one piece (82, stuks output) per month (4), OP263.
    return { omvang: { volume: 1, eenheid: "82", frequentie: "4" }, budget: null, code: c.productcode };
  return { fout: `${variant} vraagt een omvang` };
}

/**
 * The product lines of one toewijzing. Components with the same code, unit, frequency and period
 * become one line (their volumes or budgets added, the first component's ToewijzingNummer); any
 * other overlap of one code is left for the rule checker (TR302) to refuse.
 */
export function productregels(t: ToewijzingExport, redenWijziging: string | null = null): Productregel[] {
  const nummers = toewijzingNummers(t);
  const regels = new Map<string, Productregel>();
  t.componenten.forEach((c, i) => {
    const r = omvangOfBudget(c);
    if ("fout" in r) throw new RangeError(`componenten[${i}]: ${r.fout}`);
    const sleutel = JSON.stringify([
      c.productcategorie,
      r.code,
      r.omvang?.eenheid ?? "budget",
      r.omvang?.frequentie,
      c.startdatum,
      c.einddatum,
    ]);
    const eerder = regels.get(sleutel);
    if (eerder) {
      if (eerder.omvang && r.omvang) eerder.omvang.volume += r.omvang.volume;
      else eerder.budget = (eerder.budget ?? 0) + (r.budget ?? 0);
      return;
    }
    regels.set(sleutel, {
      toewijzingNummer: nummers[i],
      categorie: c.productcategorie,
      code: r.code,
      ingangsdatum: c.startdatum,
      einddatum: c.einddatum,
      omvang: r.omvang && { ...r.omvang },
      budget: r.budget,
      redenWijziging,
    });
  });
  return urenEnMinutenSamen([...regels.values()]);
}

// Hours and minutes of one code and period are one product too: add them up in minutes.
function urenEnMinutenSamen(regels: Productregel[]): Productregel[] {
  const uit: Productregel[] = [];
  const tijd = new Map<string, Productregel>();
  for (const r of regels) {
    if (!r.omvang || !["01", "04"].includes(r.omvang.eenheid)) {
      uit.push(r);
      continue;
    }
    const sleutel = JSON.stringify([r.categorie, r.code, r.omvang.frequentie, r.ingangsdatum, r.einddatum]);
    const eerder = tijd.get(sleutel);
    if (!eerder) {
      tijd.set(sleutel, r);
      uit.push(r);
      continue;
    }
    const minuten = (x: NonNullable<Productregel["omvang"]>) => (x.eenheid === "04" ? x.volume * 60 : x.volume);
    eerder.omvang = {
      volume: minuten(eerder.omvang!) + minuten(r.omvang),
      eenheid: "01",
      frequentie: r.omvang.frequentie,
    };
  }
  return uit;
}
