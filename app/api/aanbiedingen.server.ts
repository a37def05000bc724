import {
  dienAanbiedingIn,
  herzieAanbieding,
  leesAanbieding,
  lijstAanbiedingen,
  mijnAanbiedingen,
  trekAanbiedingIn,
  versiesVan,
} from "../domain/aanbiedingen.server";
import { AanbiedingSchema } from "../schemas/aanbieding";
import type { ApiRoute } from "./http.server";

export const aanbiedingRoutes: ApiRoute[] = [
  {
    method: "post",
    pad: "/requests/:id/offers",
    samenvatting: "Dien een arrangement in op een open hulpvraag (aanbieder; consortium via de penvoerder).",
    body: AanbiedingSchema,
    handler: async (v) => {
      const a = await dienAanbiedingIn(v.actor!, v.params.id, v.invoer(AanbiedingSchema));
      return { status: 201, json: a };
    },
  },
  {
    method: "get",
    pad: "/requests/:id/offers",
    samenvatting:
      "Aanbiedingen op een hulpvraag: de gemeente ziet alle, een aanbieder alleen de eigen, de cliënt de ingediende.",
    handler: async (v) => ({ json: { items: await lijstAanbiedingen(v.actor!, v.params.id) } }),
  },
  {
    method: "get",
    pad: "/offers",
    samenvatting: "Eigen aanbiedingen van de aanbieder, met uitkomst.",
    handler: async (v) => ({ json: { items: await mijnAanbiedingen(v.actor!) } }),
  },
  {
    method: "get",
    pad: "/offers/:id",
    samenvatting: "Eén aanbieding, binnen uw bereik.",
    handler: async (v) => ({ json: await leesAanbieding(v.actor!, v.params.id) }),
  },
  {
    method: "get",
    pad: "/offers/:id/versions",
    samenvatting: "Alle ingediende versies van een aanbieding.",
    handler: async (v) => ({ json: { items: await versiesVan(v.actor!, v.params.id) } }),
  },
  {
    method: "put",
    pad: "/offers/:id",
    samenvatting: "Herzie een aanbieding tot de deadline; de vorige versie blijft bewaard.",
    body: AanbiedingSchema,
    handler: async (v) => ({ json: await herzieAanbieding(v.actor!, v.params.id, v.invoer(AanbiedingSchema)) }),
  },
  {
    method: "post",
    pad: "/offers/:id/withdraw",
    samenvatting: "Trek een aanbieding in tot de deadline.",
    handler: async (v) => ({ json: await trekAanbiedingIn(v.actor!, v.params.id) }),
  },
];
