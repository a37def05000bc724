import { achterstalligeBerichten } from "../domain/iwmo/termijnen.server";
import {
  ketenStand,
  leesWmo301,
  meldStart,
  meldStop,
  ontvangBericht,
  verstuurWmo301,
} from "../domain/iwmo/keten.server";
import { IwmoBerichtSchema, ZorgStartSchema, ZorgStopSchema } from "../schemas/iwmo";
import { parseInvoer } from "../schemas/parse";
import type { ApiRoute } from "./http.server";

/** The XML itself (Content-Type application/xml or text/xml), or JSON `{ "xml": "…" }`. */
function xmlUit(body: unknown): string {
  if (typeof body === "string") return body;
  return parseInvoer(IwmoBerichtSchema, body ?? {}).xml;
}

/** Life after the award: the iWmo chain of a toewijzing (see app/domain/iwmo). */
export const iwmoRoutes: ApiRoute[] = [
  {
    method: "get",
    pad: "/toewijzingen/:id",
    samenvatting:
      "De toewijzing in de iWmo-keten: status, start en einde van de zorg, de beschikking en alle verzonden en ontvangen berichten (gemeente, en de aanbieder van de toewijzing).",
    handler: async (v) => ({ json: await ketenStand(v.actor!, v.params.id) }),
  },
  {
    method: "post",
    pad: "/toewijzingen/:id/wmo301",
    samenvatting:
      "Verstuur de toewijzing als WMO301 (consulent, beheerder), met een nieuwe BerichtIdentificatie en de dagtekening van vandaag; opnieuw alleen na afkeuring.",
    handler: async (v) => ({ status: 201, json: await verstuurWmo301(v.actor!, v.params.id) }),
  },
  {
    method: "get",
    pad: "/toewijzingen/:id/wmo301",
    samenvatting: "Het laatst verzonden WMO301-bericht (XML): de gemeente, en de aanbieder aan wie het gericht is.",
    handler: async (v) => {
      const b = await leesWmo301(v.actor!, v.params.id);
      return { bestand: b.xml, contentType: "application/xml; charset=utf-8", bestandsnaam: b.bestandsnaam };
    },
  },
  {
    method: "post",
    pad: "/toewijzingen/:id/berichten",
    samenvatting:
      "Lever een iWmo-bericht aan als XML: WMO302 (retour; consulent, beheerder), WMO305 (start) of WMO307 (stop; de aanbieder). Getoetst aan de XSD.",
    handler: async (v) => ({ status: 201, json: await ontvangBericht(v.actor!, v.params.id, xmlUit(v.body)) }),
  },
  {
    method: "post",
    pad: "/toewijzingen/:id/start",
    samenvatting: "De aanbieder meldt de start van de zorg (als WMO305): startdatum.",
    body: ZorgStartSchema,
    handler: async (v) => ({ status: 201, json: await meldStart(v.actor!, v.params.id, v.invoer(ZorgStartSchema)) }),
  },
  {
    method: "post",
    pad: "/toewijzingen/:id/stop",
    samenvatting: "De aanbieder meldt het einde van de zorg (als WMO307): einddatum en reden (WMO588).",
    body: ZorgStopSchema,
    handler: async (v) => ({ status: 201, json: await meldStop(v.actor!, v.params.id, v.invoer(ZorgStopSchema)) }),
  },
  {
    method: "get",
    pad: "/iwmo/overdue",
    samenvatting:
      "Te late iWmo-berichten van uw gemeente (consulent, beheerder, toezichthouder): WMO302 na 3 werkdagen, WMO305/307 na 5.",
    handler: async (v) => ({ json: { items: await achterstalligeBerichten(v.actor!) } }),
  },
];
