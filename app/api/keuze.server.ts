import { beeindigSessie } from "../auth/session.server";
import {
  lijstUitnodigingen,
  maakUitnodiging,
  openClientSessie,
  trekUitnodigingIn,
} from "../domain/uitnodigingen.server";
import { bevestigKeuze, kies, leesKeuzes } from "../domain/keuzes.server";
import { gun } from "../domain/gunning.server";
import { nieuweRonde } from "../domain/rondes.server";
import { ClientSessieSchema, GunningSchema, KeuzeSchema, NieuweRondeSchema, UitnodigingSchema } from "../schemas/keuze";
import type { ApiRoute } from "./http.server";

/** Choosing together and awarding (rules 7 and 8): invites, client sessions, choices, the award. */
export const keuzeRoutes: ApiRoute[] = [
  {
    method: "post",
    pad: "/requests/:id/invites",
    samenvatting:
      "Nodig de cliënt (en eventueel een vertegenwoordiger) uit met een code die u kunt voorlezen (consulent).",
    body: UitnodigingSchema,
    handler: async (v) => ({
      status: 201,
      json: await maakUitnodiging(v.actor!, v.params.id, v.invoer(UitnodigingSchema)),
    }),
  },
  {
    method: "get",
    pad: "/requests/:id/invites",
    samenvatting: "Uitnodigingen van een hulpvraag, zonder codes (consulent).",
    handler: async (v) => ({ json: { items: await lijstUitnodigingen(v.actor!, v.params.id) } }),
  },
  {
    method: "post",
    pad: "/invites/:id/revoke",
    samenvatting: "Trek een uitnodiging in; open sessies van de cliënt stoppen meteen (consulent).",
    handler: async (v) => ({ json: await trekUitnodigingIn(v.actor!, v.params.id) }),
  },
  {
    method: "post",
    pad: "/client/session",
    samenvatting:
      "Open met een uitnodigingscode een sessie voor één hulpvraag; te veel foute codes geeft rate_limited.",
    publiek: true,
    body: ClientSessieSchema,
    handler: async (v) => ({ status: 201, json: await openClientSessie(v.invoer(ClientSessieSchema).code, v.ip) }),
  },
  {
    method: "delete",
    pad: "/client/session",
    samenvatting: "Sluit de sessie van de cliënt.",
    handler: async (v) => {
      if (v.actor?.soort === "client") await beeindigSessie(v.actor);
      return { json: { revoked: true } };
    },
  },
  {
    method: "get",
    pad: "/requests/:id/choice",
    samenvatting: "De keuzes: de cliënt ziet de eigen voorkeur, de gemeente beide.",
    handler: async (v) => ({ json: await leesKeuzes(v.actor!, v.params.id) }),
  },
  {
    method: "post",
    pad: "/requests/:id/choice",
    samenvatting:
      "Kies een aanbod (offerId) of geen (null). Cliënt: voorkeur met opmerking tot de gunning. Consulent: na de deadline; motivation_required bij een andere keuze dan de cliënt; null sluit de ronde (geen_passend_aanbod).",
    body: KeuzeSchema,
    handler: async (v) => ({ json: await kies(v.actor!, v.params.id, v.invoer(KeuzeSchema)) }),
  },
  {
    method: "post",
    pad: "/requests/:id/choice/review",
    samenvatting:
      "Vier ogen: een andere consulent van de gemeente bevestigt de motivatie van een keuze tegen de voorkeur van de cliënt in; second_review_required voor wie zelf koos.",
    handler: async (v) => ({ json: await bevestigKeuze(v.actor!, v.params.id) }),
  },
  {
    method: "post",
    pad: "/requests/:id/award",
    samenvatting:
      "Gun het gezamenlijk gekozen aanbod; choice_mismatch als consulent en cliënt verschillen, second_review_required als een keuze tegen de cliënt in nog niet door een collega bevestigd is, already_awarded (409) na de eerste gunning.",
    body: GunningSchema,
    handler: async (v) => ({ status: 201, json: await gun(v.actor!, v.params.id, v.invoer(GunningSchema)) }),
  },
  {
    method: "post",
    pad: "/requests/:id/rounds",
    samenvatting:
      "Zet na geen passend aanbod een aangepaste hulpvraag uit als nieuwe ronde (concept, gekoppeld aan de vorige).",
    body: NieuweRondeSchema,
    handler: async (v) => ({
      status: 201,
      json: await nieuweRonde(v.actor!, v.params.id, v.invoer(NieuweRondeSchema)),
    }),
  },
];
