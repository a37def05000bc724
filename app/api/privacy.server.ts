import { inzageExport } from "../domain/inzage.server";
import type { ApiRoute } from "./http.server";

/** The client's rights under the AVG; retention runs by itself (app/domain/bewaartermijn.server.ts). */
export const privacyRoutes: ApiRoute[] = [
  {
    method: "get",
    pad: "/clients/:id/export",
    samenvatting:
      "Alles wat over één cliënt is opgeslagen, als één JSON-document voor een inzageverzoek (consulent, beheerder van de gemeente).",
    handler: async (v) => ({ json: await inzageExport(v.actor!, v.params.id) }),
  },
];
