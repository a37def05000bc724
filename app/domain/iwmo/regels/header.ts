/** The header: message kind and version, sender (TR378) and receiver (OP254). */
import { CBS_GEMEENTECODES } from "../cbs-gemeentecodes";
import type { Regel } from "../regel";

export const RS047: Regel = {
  code: "RS047",
  omschrijving: "BerichtCode vullen volgens de specificatie: 414 voor een WMO301.",
  controleer: (b) => (b.header.berichtCode === "414" ? [] : [`BerichtCode is "${b.header.berichtCode}", niet 414.`]),
};

export const CS025: Regel = {
  code: "CS025",
  omschrijving: "BerichtVersie vullen met 3.",
  controleer: (b) => (b.header.berichtVersie === "3" ? [] : [`BerichtVersie is "${b.header.berichtVersie}", niet 3.`]),
};

export const CS015: Regel = {
  code: "CS015",
  omschrijving: "BerichtSubversie vullen met 2.",
  controleer: (b) =>
    b.header.berichtSubversie === "2" ? [] : [`BerichtSubversie is "${b.header.berichtSubversie}", niet 2.`],
};

export const TR378: Regel = {
  code: "TR378",
  omschrijving: "Vullen met een bestaande gemeentecode uit het overzicht van CBS.",
  controleer: (b) =>
    b.header.afzender !== null && CBS_GEMEENTECODES.has(b.header.afzender)
      ? []
      : [`Afzender "${b.header.afzender ?? ""}" is geen bestaande CBS-gemeentecode.`],
};

export const OP254: Regel = {
  code: "OP254",
  omschrijving:
    "AGB-codes routeren het bericht en identificeren de aanbieder: de Ontvanger is de AGB-code van die aanbieder.",
  controleer: (b, context) => {
    const agb = b.header.ontvanger ?? "";
    // The first two digits are the zorgverlenersoort; 00 does not exist, so neither does 00xxxxxx.
    if (!/^\d{8}$/.test(agb) || agb.startsWith("00"))
      return [`Ontvanger "${agb}" is geen AGB-code (8 cijfers, zorgverlenersoort niet 00).`];
    if (context.aanbiederAgb !== undefined && agb !== context.aanbiederAgb)
      return [`Ontvanger ${agb} is niet de AGB-code van de aanbieder van deze toewijzing (${context.aanbiederAgb}).`];
    return [];
  },
};
