import {
  beantwoordCheck,
  checksVanHulpvraag,
  legOordeelVast,
  leesCheckVoorClient,
  resultaatAggregaten,
} from "../domain/resultaatcheck.server";
import { ConsulentOordeelSchema, ResultaatcheckSchema } from "../schemas/resultaatcheck";
import type { ApiRoute } from "./http.server";

/** Results followed up: the client's check, the consulent's view, and aggregates that never show one answer. */
export const resultaatRoutes: ApiRoute[] = [
  {
    method: "get",
    pad: "/client/result-check",
    samenvatting: "De resultaatcheck die de cliënt met de uitnodiging opende, met de eigen antwoorden (cliënt).",
    handler: async (v) => ({ json: await leesCheckVoorClient(v.actor!) }),
  },
  {
    method: "post",
    pad: "/client/result-check",
    samenvatting:
      "Beantwoord de resultaatcheck: per resultaat bereikt/deels/niet, een cijfer 1–10 en eventueel een toelichting; één keer (check_answered daarna).",
    body: ResultaatcheckSchema,
    handler: async (v) => ({ status: 201, json: await beantwoordCheck(v.actor!, v.invoer(ResultaatcheckSchema)) }),
  },
  {
    method: "get",
    pad: "/requests/:id/result-checks",
    samenvatting:
      "De resultaatchecks van een gegunde hulpvraag met de antwoorden van cliënt en consulent, en de code zolang die nog overhandigd moet worden (consulent).",
    handler: async (v) => ({ json: await checksVanHulpvraag(v.actor!, v.params.id) }),
  },
  {
    method: "post",
    pad: "/requests/:id/result-checks",
    samenvatting:
      "Leg het professionele oordeel vast bij de check van `maanden` (zelfde schaal als de cliënt); check_not_open als die check er nog niet is (consulent).",
    body: ConsulentOordeelSchema,
    handler: async (v) => {
      const { maanden, ...rest } = v.invoer(ConsulentOordeelSchema);
      return { status: 201, json: await legOordeelVast(v.actor!, v.params.id, { ...rest, maanden }) };
    },
  },
  {
    method: "get",
    pad: "/results/aggregates",
    samenvatting:
      "Resultaten per aanbieder, alleen als totaal over minstens 5 beantwoorde checks: de aanbieder de eigen, de gemeente (consulent, beheerder, toezicht) alle aanbieders over de eigen checks.",
    handler: async (v) => ({ json: await resultaatAggregaten(v.actor!) }),
  },
];
