import {
  lijstAanbieders,
  lijstConsortia,
  registreerAanbieder,
  registreerConsortium,
} from "../domain/aanbieders.server";
import {
  corrigeerContract,
  leesEigenRegelboek,
  lijstContracten,
  registreerContract,
  wijzigRegelboek,
} from "../domain/contracten.server";
import { accepteerAanbiederUitnodiging, nodigAanbiederUit } from "../domain/aanbieder-uitnodigingen.server";
import { lijstGebruikers, registreerGebruiker, vereisGebruikersbeheer, wijzigRol } from "../domain/gebruikers.server";
import {
  AanbiederSchema,
  AanbiederUitnodigingAccepterenSchema,
  ConsortiumSchema,
  ContractCorrectieSchema,
  ContractSchema,
  GebruikerSchema,
  RegelboekSchema,
  RolWijzigingSchema,
} from "../schemas/beheer";
import {
  accepteerGedragscode,
  leesGedragscodes,
  lijstMeldingen,
  meldSchending,
  publiceerGedragscode,
  reageerOpMelding,
} from "../domain/gedragscode.server";
import {
  GedragscodeAcceptatieSchema,
  GedragscodeMeldingSchema,
  GedragscodeReactieSchema,
  GedragscodeSchema,
} from "../schemas/beheer";
import { vereisRol } from "../domain/actor";
import { lijstProductcodes, registreerProductcode } from "../domain/productcodes.server";
import { ProductcodeSchema } from "../schemas/productcode";
import type { ApiRoute } from "./http.server";

export const beheerRoutes: ApiRoute[] = [
  {
    method: "get",
    pad: "/aanbieders",
    samenvatting: "Het aanbiedersregister.",
    handler: async (v) => ({ json: { items: await lijstAanbieders(v.actor!) } }),
  },
  {
    method: "post",
    pad: "/aanbieders",
    samenvatting: "Registreer een aanbieder (beheerder).",
    body: AanbiederSchema,
    handler: async (v) => ({ status: 201, json: await registreerAanbieder(v.actor!, v.invoer(AanbiederSchema)) }),
  },
  {
    method: "post",
    pad: "/aanbieders/:id/invites",
    samenvatting:
      "Nodig een gecontracteerde aanbieder uit om zijn eigen accounts te beheren (beheerder); not_contracted zonder contract.",
    handler: async (v) => ({ status: 201, json: await nodigAanbiederUit(v.actor!, v.params.id) }),
  },
  {
    method: "post",
    pad: "/aanbieder-invites/accept",
    publiek: true,
    body: AanbiederUitnodigingAccepterenSchema,
    samenvatting:
      "Aanvaard een uitnodiging: de aanbieder kiest zelf e-mailadres en wachtwoord van zijn aanbieder-beheerder (eenmalig).",
    handler: async (v) => ({
      status: 201,
      json: await accepteerAanbiederUitnodiging(v.invoer(AanbiederUitnodigingAccepterenSchema), v.ip),
    }),
  },
  {
    method: "get",
    pad: "/consortia",
    samenvatting: "Consortia met hun leden.",
    handler: async (v) => ({ json: { items: await lijstConsortia(v.actor!) } }),
  },
  {
    method: "post",
    pad: "/consortia",
    samenvatting: "Registreer een consortium met penvoerder (beheerder).",
    body: ConsortiumSchema,
    handler: async (v) => ({ status: 201, json: await registreerConsortium(v.actor!, v.invoer(ConsortiumSchema)) }),
  },
  {
    method: "get",
    pad: "/contracts",
    samenvatting: "Raamovereenkomsten van uw gemeente.",
    handler: async (v) => ({
      json: {
        items: (await lijstContracten(v.actor!)).map((r) => ({ ...r.contract, aanbiederNaam: r.aanbiederNaam })),
      },
    }),
  },
  {
    method: "post",
    pad: "/contracts",
    samenvatting:
      "Registreer een contract; de server legt de dag van registratie vast. Geweigerd met contract_too_short of award_lead_time (regel 2, ook gemeten vanaf de registratie).",
    body: ContractSchema,
    handler: async (v) => ({ status: 201, json: await registreerContract(v.actor!, v.invoer(ContractSchema)) }),
  },
  {
    method: "patch",
    pad: "/contracts/:id",
    samenvatting:
      "Corrigeer een contract met een reden (in het audittrail); dezelfde regels, gemeten vanaf de oorspronkelijke registratie (beheerder).",
    body: ContractCorrectieSchema,
    handler: async (v) => ({ json: await corrigeerContract(v.actor!, v.params.id, v.invoer(ContractCorrectieSchema)) }),
  },
  {
    method: "get",
    pad: "/productcodes",
    samenvatting:
      "De productcodelijst: gemeentemedewerkers die van hun gemeente, een aanbieder die van elke gemeente waarmee hij een contract heeft; per code de uitvoeringsvariant, eenheid, frequentie, het reële tarief per eenheid dat vandaag geldt en de historie.",
    handler: async (v) => ({ json: { items: await lijstProductcodes(v.actor!) } }),
  },
  {
    method: "post",
    pad: "/productcodes",
    samenvatting:
      "Zet een productcode op de lijst van uw gemeente, of stel voor een bestaande code een nieuw reëel tarief per eenheid vast vanaf een datum, met reden (beheerder). Geweigerd met wrong_unit (eenheid/frequentie past niet bij de variant) of productcode_exists.",
    body: ProductcodeSchema,
    handler: async (v) => ({ status: 201, json: await registreerProductcode(v.actor!, v.invoer(ProductcodeSchema)) }),
  },
  {
    method: "get",
    pad: "/users",
    samenvatting: "Gebruikers van uw eigen organisatie (beheerder: de gemeente; aanbieder-beheerder: de aanbieder).",
    handler: async (v) => ({ json: { items: await lijstGebruikers(v.actor!) } }),
  },
  {
    method: "post",
    pad: "/users",
    samenvatting:
      "Maak een gebruiker aan in uw eigen organisatie; forbidden voor een rol van een andere soort organisatie, role_conflict bij toezichthouder én beheerder (regel 9).",
    body: GebruikerSchema,
    handler: async (v) => ({ status: 201, json: await registreerGebruiker(v.actor!, v.invoer(GebruikerSchema)) }),
  },
  {
    method: "patch",
    pad: "/users/:id",
    samenvatting: "Wijzig de rol van een medewerker van uw eigen organisatie; de organisatie zelf verandert nooit.",
    body: RolWijzigingSchema,
    // Who asks is checked before what is asked, so a role without user management always gets 403.
    handler: async (v) => {
      vereisGebruikersbeheer(v.actor);
      return { json: await wijzigRol(v.actor!, v.params.id, v.invoer(RolWijzigingSchema).rol) };
    },
  },
  {
    method: "get",
    pad: "/rulebook",
    samenvatting: "Het regelboek van uw gemeente.",
    handler: async (v) => ({ json: await leesEigenRegelboek(v.actor!) }),
  },
  {
    method: "post",
    pad: "/rulebook",
    samenvatting: "Wijzig het regelboek (beheerder).",
    body: RegelboekSchema,
    handler: async (v) => ({ json: await wijzigRegelboek(v.actor!, v.invoer(RegelboekSchema)) }),
  },
  {
    method: "get",
    pad: "/conduct-code",
    samenvatting:
      "De gedragscode verantwoord marktgedrag: de gemeente leest de eigen geldende versie; een aanbieder die van elke gemeente waar hij een contract heeft, en of zijn organisatie die versie accepteerde.",
    handler: async (v) => ({ json: await leesGedragscodes(v.actor!) }),
  },
  {
    method: "post",
    pad: "/conduct-code",
    samenvatting:
      "Publiceer een nieuwe versie van de gedragscode van uw gemeente (beheerder). Aanbieders moeten die accepteren voor zij weer bieden (code_not_accepted).",
    body: GedragscodeSchema,
    // Who may publish is said before what is wrong with the text: a planner hears forbidden, not invalid_input.
    handler: async (v) => {
      vereisRol(v.actor, "beheerder");
      return { status: 201, json: await publiceerGedragscode(v.actor!, v.invoer(GedragscodeSchema).tekst) };
    },
  },
  {
    method: "post",
    pad: "/conduct-code/:id/accept",
    samenvatting:
      "Accepteer de geldende versie van de gedragscode van gemeente :id voor uw organisatie (aanbieder-beheerder).",
    body: GedragscodeAcceptatieSchema,
    handler: async (v) => ({
      json: await accepteerGedragscode(v.actor!, v.params.id, v.invoer(GedragscodeAcceptatieSchema).versie),
    }),
  },
  {
    method: "get",
    pad: "/conduct-code/breaches",
    samenvatting:
      "Het register van gemelde schendingen van de gedragscode met de reactie van de aanbieder: de gemeente (toezichthouder, beheerder) ziet alle, een aanbieder de eigen.",
    handler: async (v) => ({ json: await lijstMeldingen(v.actor!) }),
  },
  {
    method: "post",
    pad: "/conduct-code/breaches",
    samenvatting: "Leg een gemelde schending van de gedragscode vast (toezichthouder).",
    body: GedragscodeMeldingSchema,
    handler: async (v) => {
      vereisRol(v.actor, "toezichthouder");
      return { status: 201, json: await meldSchending(v.actor!, v.invoer(GedragscodeMeldingSchema)) };
    },
  },
  {
    method: "post",
    pad: "/conduct-code/breaches/:id/response",
    samenvatting: "De reactie van de aanbieder op een melding over zijn organisatie, één keer (aanbieder-beheerder).",
    body: GedragscodeReactieSchema,
    handler: async (v) => ({
      json: await reageerOpMelding(v.actor!, v.params.id, v.invoer(GedragscodeReactieSchema).reactie),
    }),
  },
];
