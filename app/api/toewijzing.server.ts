import { leesOcds, ocdsPakket } from "../domain/ocds.server";
import { leesToewijzing } from "../domain/toewijzingen.server";
import { OcdsPeriodeSchema } from "../schemas/ocds";
import { lijstOvernames } from "../domain/personeelsovernames.server";
import { auditTrail, controleerAuditketen, marktcijfers } from "../domain/toezicht.server";
import { AuditFilterSchema, ToewijzingFormaatSchema } from "../schemas/keuze";
import { parseInvoer } from "../schemas/parse";
import { CONTENT_TYPE } from "../http/toewijzing-bestand.server";
import type { ApiRoute } from "./http.server";

/** What the award leaves behind: the toewijzing, the open-contracting record, staff transfers, and the supervisor's reads. */
export const toewijzingRoutes: ApiRoute[] = [
  {
    method: "get",
    pad: "/requests/:id/toewijzing",
    samenvatting: "De toewijzing (consulent, beheerder): JSON, ?format=csv of ?format=xml (iWmo 3.2 WMO301).",
    handler: async (v) => {
      const { format } = parseInvoer(ToewijzingFormaatSchema, v.query);
      const t = await leesToewijzing(v.actor!, v.params.id, format);
      if (t.formaat === "json") return { json: t.inhoud };
      return { bestand: t.inhoud, contentType: CONTENT_TYPE[t.formaat], bestandsnaam: t.bestandsnaam };
    },
  },
  {
    method: "get",
    pad: "/requests/:id/ocds",
    samenvatting: "De gunning als OCDS 1.1-release, zonder persoonsgegevens van de cliënt.",
    handler: async (v) => ({ json: await leesOcds(v.actor!, v.params.id) }),
  },
  {
    method: "get",
    pad: "/municipalities/:id/ocds",
    samenvatting:
      "De gunningen van een gemeente als OCDS 1.1-releasepackage; ?from=JJJJ-MM-DD&to=JJJJ-MM-DD (standaard het laatste jaar). Prijzen voor andere aanbieders pas na de termijn uit het regelboek.",
    handler: async (v) => {
      const periode = parseInvoer(OcdsPeriodeSchema, v.query);
      return { json: await ocdsPakket(v.actor!, v.params.id, periode) };
    },
  },
  {
    method: "get",
    pad: "/staff-transfers",
    samenvatting:
      "Personeelsovernames: een aanbieder ziet die waarbij hij van of naar is, de gemeente die van de eigen gemeente.",
    handler: async (v) => ({ json: { items: await lijstOvernames(v.actor!) } }),
  },
  {
    method: "get",
    pad: "/audit",
    samenvatting:
      "Het audittrail van uw gemeente (toezichthouder, beheerder); filters requestId, actorId, from, to; pagina's met before.",
    handler: async (v) => ({ json: await auditTrail(v.actor!, parseInvoer(AuditFilterSchema, v.query)) }),
  },
  {
    method: "get",
    pad: "/audit/verify",
    samenvatting: "Controleer de hashketen van het audittrail: {valid, entries, firstBrokenAt?}.",
    handler: async (v) => ({ json: await controleerAuditketen(v.actor!) }),
  },
  {
    method: "get",
    pad: "/figures",
    samenvatting:
      "Marktcijfers van uw gemeente voor de toezichthouder: hulpvragen per status, aanbiedingen per hulpvraag, tijd tot gunning, gunningen per aanbieder, personeelsovernames (overnames en medewerkers), het personeelsplafond per aanbieder, weigeringen per regel.",
    handler: async (v) => ({ json: await marktcijfers(v.actor!) }),
  },
];
