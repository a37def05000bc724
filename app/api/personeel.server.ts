import { legCollectieveOvernameVast, lijstCollectieveOvernames } from "../domain/collectieve-overnames.server";
import { gemeenteVan, vereisRol } from "../domain/actor";
import {
  eigenKapGebruik,
  jaarUit,
  kapGebruik,
  leesPersoneelsbestand,
  legPersoneelsbestandVast,
} from "../domain/personeelsbestand.server";
import { overnamesMetAandacht, volgOvernameOp } from "../domain/personeelsovernames.server";
import { CollectieveOvernameSchema, OvernameOpvolgingSchema, PersoneelsbestandSchema } from "../schemas/personeel";
import type { ApiRoute } from "./http.server";

/** Rule 4 counted on staff: the personeelsbestand, the yearly cap's use, collective transfers and follow-up. */
export const personeelRoutes: ApiRoute[] = [
  {
    method: "get",
    pad: "/organisation/staff",
    samenvatting: "Het personeelsbestand (koppen en fte) per jaar van uw eigen organisatie (aanbieder).",
    // Only a provider's own accounts: gemeente staff ask for a provider by id (below).
    handler: async (v) => ({
      json: await leesPersoneelsbestand(vereisRol(v.actor, "aanbieder", "aanbieder-beheerder")),
    }),
  },
  {
    method: "put",
    pad: "/organisation/staff",
    samenvatting:
      "Leg het personeelsbestand van één jaar vast of corrigeer het (aanbieder-beheerder): de noemer van het jaarplafond van regel 4.",
    body: PersoneelsbestandSchema,
    handler: async (v) => ({ json: await legPersoneelsbestandVast(v.actor!, v.invoer(PersoneelsbestandSchema)) }),
  },
  {
    method: "get",
    pad: "/providers/:id/staff",
    samenvatting:
      "Het personeelsbestand per jaar van een aanbieder met een contract met uw gemeente (consulent, beheerder, toezichthouder).",
    handler: async (v) => ({ json: await leesPersoneelsbestand(v.actor!, v.params.id) }),
  },
  {
    method: "get",
    pad: "/staff-cap",
    samenvatting:
      "Gebruik van het jaarplafond personeelsmutaties (?year=): de gemeente ziet elke gecontracteerde aanbieder, een aanbieder het eigen gebruik per gemeente.",
    handler: async (v) => {
      const jaar = jaarUit(v.query.year);
      const rol = vereisRol(v.actor, "aanbieder", "aanbieder-beheerder", "consulent", "beheerder", "toezichthouder");
      if (rol.rol === "aanbieder" || rol.rol === "aanbieder-beheerder")
        return { json: { jaar, items: await eigenKapGebruik(rol, jaar) } };
      return { json: { jaar, items: await kapGebruik(gemeenteVan(rol), jaar) } };
    },
  },
  {
    method: "get",
    pad: "/collective-transfers",
    samenvatting:
      "Collectieve personeelsovernames: de gemeente ziet die van de eigen gemeente, een aanbieder die waarbij hij van of naar is.",
    handler: async (v) => ({ json: { items: await lijstCollectieveOvernames(v.actor!) } }),
  },
  {
    method: "post",
    pad: "/collective-transfers",
    samenvatting:
      "Leg een collectieve personeelsovername vast bij einde contract of wisseling van aanbieder (beheerder).",
    body: CollectieveOvernameSchema,
    handler: async (v) => ({
      status: 201,
      json: await legCollectieveOvernameVast(v.actor!, v.invoer(CollectieveOvernameSchema)),
    }),
  },
  {
    method: "put",
    pad: "/staff-transfers/:id/follow-up",
    samenvatting:
      "Volg een toegezegde personeelsovername op: open, gedaan, niet_nodig of geschonden, met een notitie (consulent, beheerder, toezichthouder).",
    body: OvernameOpvolgingSchema,
    handler: async (v) => ({
      json: await volgOvernameOp(v.actor!, v.params.id, v.invoer(OvernameOpvolgingSchema)),
    }),
  },
  {
    method: "get",
    pad: "/staff-transfers/attention",
    samenvatting:
      "Toegezegde personeelsovernames die aandacht vragen: niet nagekomen, of na 30 dagen nog open (toezichthouder, beheerder).",
    handler: async (v) => ({ json: { items: await overnamesMetAandacht(v.actor!) } }),
  },
];
