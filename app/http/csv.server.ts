export { csv } from "../format/csv";

/** A CSV download for a resource route. */
export function csvAntwoord(bestandsnaam: string, inhoud: string): Response {
  return new Response(inhoud, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${bestandsnaam}"`,
    },
  });
}
