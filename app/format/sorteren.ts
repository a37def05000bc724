/**
 * Server-side sorting of a table through the query string (`?<param>=<kolom>:op|af`), so a sort
 * works without JavaScript and a sorted list can be linked to. Pure, shared by routes and components.
 */
export type Richting = "op" | "af";
export type Sortering = { kolom: string; richting: Richting } | null;

/** The asked sort of one table, or null (the table's own order) for anything not on offer. */
export function leesSortering(zoek: URLSearchParams, param: string, kolommen: readonly string[]): Sortering {
  const [kolom, richting] = (zoek.get(param) ?? "").split(":");
  if (!kolommen.includes(kolom) || (richting !== "op" && richting !== "af")) return null;
  return { kolom, richting };
}

const tekst = new Intl.Collator("nl-NL", { numeric: true, sensitivity: "base" });

/** A stable sort by one column: numbers as numbers, text in Dutch order, empty values last either way. */
export function sorteer<T>(
  rijen: readonly T[],
  s: Sortering,
  waarde: (rij: T, kolom: string) => string | number | null,
): T[] {
  if (!s) return [...rijen];
  const factor = s.richting === "op" ? 1 : -1;
  return [...rijen].sort((a, b) => {
    const x = waarde(a, s.kolom);
    const y = waarde(b, s.kolom);
    if (x === y) return 0;
    if (x === null || x === "") return 1;
    if (y === null || y === "") return -1;
    return factor * (typeof x === "number" && typeof y === "number" ? x - y : tekst.compare(String(x), String(y)));
  });
}

/** One table's sort from the request URL in one call: the sorted rows, the sort and the query to keep. */
export function sorteerVolgensUrl<T>(
  url: string,
  param: string,
  kolommen: readonly string[],
  rijen: readonly T[],
  waarde: (rij: T, kolom: string) => string | number | null,
) {
  const zoek = new URL(url).searchParams;
  const sortering = leesSortering(zoek, param, kolommen);
  return { rijen: sorteer(rijen, sortering, waarde), sortering, behoud: Object.fromEntries(zoek) };
}
