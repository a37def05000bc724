import { registreerClient } from "../domain/clienten.server";
import {
  leesHulpvraag,
  lijstHulpvragen,
  maakHulpvraag,
  publiceer,
  statusGeschiedenis,
  trekIn,
  verleng,
  wijzigHulpvraag,
} from "../domain/hulpvragen.server";
import {
  ClientSchema,
  HulpvraagFilterSchema,
  HulpvraagSchema,
  HulpvraagWijzigingSchema,
  IntrekkenSchema,
  VerlengenSchema,
} from "../schemas/hulpvraag";
import { parseInvoer } from "../schemas/parse";
import type { ApiRoute } from "./http.server";

export const hulpvraagRoutes: ApiRoute[] = [
  {
    method: "post",
    pad: "/clients",
    samenvatting: "Registreer een cliënt in het beschermde cliëntregister (consulent).",
    body: ClientSchema,
    handler: async (v) => ({ status: 201, json: await registreerClient(v.actor!, v.invoer(ClientSchema)) }),
  },
  {
    method: "post",
    pad: "/requests",
    samenvatting: "Maak een hulpvraag aan als concept (consulent).",
    body: HulpvraagSchema,
    handler: async (v) => ({ status: 201, json: await maakHulpvraag(v.actor!, v.invoer(HulpvraagSchema)) }),
  },
  {
    method: "get",
    pad: "/requests",
    samenvatting:
      "Hulpvragen binnen uw bereik; aanbieders zien alleen open, geanonimiseerde hulpvragen waarvoor zij gecontracteerd zijn.",
    handler: async (v) => {
      const filter = parseInvoer(HulpvraagFilterSchema, v.query);
      const { items, tellingen } = await lijstHulpvragen(v.actor!, filter);
      return { json: { items, ...(Object.keys(tellingen).length ? { tellingen } : {}) } };
    },
  },
  {
    method: "get",
    pad: "/requests/:id",
    samenvatting: "Eén hulpvraag; aanbieders en cliënten krijgen de geanonimiseerde weergave.",
    handler: async (v) => ({ json: await leesHulpvraag(v.actor!, v.params.id) }),
  },
  {
    method: "patch",
    pad: "/requests/:id",
    samenvatting: "Wijzig een concept-hulpvraag (consulent).",
    body: HulpvraagWijzigingSchema,
    handler: async (v) => ({ json: await wijzigHulpvraag(v.actor!, v.params.id, v.invoer(HulpvraagWijzigingSchema)) }),
  },
  {
    method: "get",
    pad: "/requests/:id/history",
    samenvatting: "Statusgeschiedenis van een hulpvraag (medewerkers van de gemeente).",
    handler: async (v) => ({ json: { items: await statusGeschiedenis(v.actor!, v.params.id) } }),
  },
  {
    method: "post",
    pad: "/requests/:id/publish",
    samenvatting: "Publiceer een hulpvraag; geweigerd met identifying_data zolang er herleidbare gegevens in staan.",
    handler: async (v) => {
      const h = await publiceer(v.actor!, v.params.id);
      return { json: { id: h.id, status: h.status, deadline: h.deadline } };
    },
  },
  {
    method: "post",
    pad: "/requests/:id/withdraw",
    samenvatting: "Trek een hulpvraag in (concept of open) met een reden.",
    body: IntrekkenSchema,
    handler: async (v) => {
      const h = await trekIn(v.actor!, v.params.id, v.invoer(IntrekkenSchema).reden);
      return { json: { id: h.id, status: h.status } };
    },
  },
  {
    method: "post",
    pad: "/requests/:id/extend",
    samenvatting: "Verleng de reactietermijn van een open hulpvraag.",
    body: VerlengenSchema,
    handler: async (v) => {
      const h = await verleng(v.actor!, v.params.id, v.invoer(VerlengenSchema).deadline);
      return { json: { id: h.id, status: h.status, deadline: h.deadline } };
    },
  },
];
