import type { FoutDetail } from "../domain/errors";

/** Field messages for one field name, for `<Veld fout=…>`. */
export function foutenVoor(uitkomst: unknown, veld: string): string[] | undefined {
  if (!uitkomst || typeof uitkomst !== "object" || !("fouten" in uitkomst)) return undefined;
  const lijst = (uitkomst as { fouten: FoutDetail[] }).fouten.filter(
    (f) => f.field === veld || f.field.startsWith(`${veld}.`),
  );
  return lijst.length ? lijst.map((f) => (f.match ? `${f.message} (gevonden: “${f.match}”)` : f.message)) : undefined;
}
