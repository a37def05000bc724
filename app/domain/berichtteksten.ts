/**
 * The e-mails, in plain Dutch (B1), each as text and HTML from one description. No message
 * carries health data: a request is named by its reference number, never by what it asks.
 */
import { aantal } from "../format/nl";

export type Opgemaakt = { onderwerp: string; tekst: string; html: string };

type Opmaak = {
  onderwerp: string;
  aanhef: string;
  alineas: string[];
  lijst?: string[];
  knop: { tekst: string; url: string };
  afmelden?: string;
};

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function datumTijd(d: Date): string {
  return d.toLocaleString("nl-NL", {
    timeZone: "Europe/Amsterdam",
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
}

function maak(o: Opmaak): Opgemaakt {
  const tekst = [
    o.aanhef,
    "",
    ...o.alineas.flatMap((a) => [a, ""]),
    ...(o.lijst?.length ? [...o.lijst.map((r) => `- ${r}`), ""] : []),
    `${o.knop.tekst}: ${o.knop.url}`,
    "",
    "Met vriendelijke groet,",
    "Zorgveiling",
    ...(o.afmelden ? ["", `Minder of geen e-mail? Kies wat u wilt ontvangen: ${o.afmelden}`] : []),
  ].join("\n");
  const html = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${esc(o.onderwerp)}</title></head>
<body style="font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; max-width: 40em">
<p>${esc(o.aanhef)}</p>
${o.alineas.map((a) => `<p>${esc(a)}</p>`).join("\n")}
${o.lijst?.length ? `<ul>${o.lijst.map((r) => `<li>${esc(r)}</li>`).join("")}</ul>` : ""}
<p><a href="${esc(o.knop.url)}" style="display: inline-block; padding: 0.5em 1em; background: #15396b; color: #ffffff; text-decoration: none">${esc(o.knop.tekst)}</a></p>
<p>Met vriendelijke groet,<br>Zorgveiling</p>
${o.afmelden ? `<p style="font-size: 14px; color: #555555">Minder of geen e-mail? <a href="${esc(o.afmelden)}">Kies wat u wilt ontvangen</a>.</p>` : ""}
</body></html>`;
  return { onderwerp: o.onderwerp, tekst, html };
}

type Aanvraag = { id: string; gemeente: string; deadline: Date; spoed: boolean };

export function nieuweHulpvraag(basis: string, h: Aanvraag): Opgemaakt {
  return maak({
    onderwerp: `${h.spoed ? "Spoed: n" : "N"}ieuwe hulpvraag van gemeente ${h.gemeente} (${h.id})`,
    aanhef: "Beste planner,",
    alineas: [
      `Gemeente ${h.gemeente} heeft een nieuwe hulpvraag uitgezet waarop u kunt reageren.`,
      `U kunt een aanbod doen tot ${datumTijd(h.deadline)}.`,
    ],
    knop: { tekst: "Bekijk de hulpvraag", url: `${basis}/aanbieder/hulpvragen/${h.id}` },
    afmelden: `${basis}/aanbieder/meldingen`,
  });
}

export function dagoverzicht(basis: string, gemeente: string, hulpvragen: Aanvraag[]): Opgemaakt {
  const n = hulpvragen.length;
  return maak({
    onderwerp: `${aantal(n, "nieuwe hulpvraag", "nieuwe hulpvragen")} van gemeente ${gemeente}`,
    aanhef: "Beste planner,",
    alineas: [
      `Gemeente ${gemeente} heeft het afgelopen etmaal ${n === 1 ? "deze hulpvraag" : `deze ${n} hulpvragen`} uitgezet waarop u kunt reageren:`,
    ],
    lijst: hulpvragen.map(
      (h) =>
        `${h.id}${h.spoed ? " (spoed)" : ""}: reageren kan tot ${datumTijd(h.deadline)}. ${basis}/aanbieder/hulpvragen/${h.id}`,
    ),
    knop: { tekst: "Bekijk alle open hulpvragen", url: `${basis}/aanbieder` },
    afmelden: `${basis}/aanbieder/meldingen`,
  });
}

export function herinnering(basis: string, h: Aanvraag): Opgemaakt {
  return maak({
    onderwerp: `Herinnering: hulpvraag ${h.id} sluit ${datumTijd(h.deadline)}`,
    aanhef: "Beste planner,",
    alineas: [
      `U heeft nog niet gereageerd op hulpvraag ${h.id} van gemeente ${h.gemeente}.`,
      `De reactietermijn sluit op ${datumTijd(h.deadline)}. Daarna kunt u geen aanbod meer doen.`,
    ],
    knop: { tekst: "Bekijk de hulpvraag", url: `${basis}/aanbieder/hulpvragen/${h.id}` },
    afmelden: `${basis}/aanbieder/meldingen`,
  });
}

export function uitkomst(
  basis: string,
  o: { hulpvraagId: string; gemeente: string; gegund: boolean; motivatie: string },
): Opgemaakt {
  return maak({
    onderwerp: o.gegund
      ? `Uw aanbod op hulpvraag ${o.hulpvraagId} is gegund`
      : `Uitkomst van hulpvraag ${o.hulpvraagId}: uw aanbod is niet gekozen`,
    aanhef: "Beste planner,",
    alineas: [
      o.gegund
        ? `Gemeente ${o.gemeente} heeft uw aanbod op hulpvraag ${o.hulpvraagId} gekozen. U krijgt de toewijzing.`
        : `Gemeente ${o.gemeente} heeft uw aanbod op hulpvraag ${o.hulpvraagId} niet gekozen.`,
      `De gemeente schrijft waarom: ${o.motivatie}`,
    ],
    knop: { tekst: "Bekijk uw aanbiedingen", url: `${basis}/aanbieder/aanbiedingen` },
  });
}

export function uitnodiging(
  basis: string,
  o: { gemeente: string; code: string; url: string; geldigTot: Date; naam?: string | null },
): Opgemaakt {
  return maak({
    onderwerp: `Uitnodiging van gemeente ${o.gemeente}: kies mee`,
    aanhef: o.naam ? `Beste ${o.naam},` : "Beste meneer, mevrouw,",
    alineas: [
      `Gemeente ${o.gemeente} vraagt u om mee te kiezen welke zorgaanbieder het beste past. U kunt de aanbiedingen bekijken en zeggen welke u het liefst wilt.`,
      `Uw code is: ${o.code}`,
      `De code werkt tot ${datumTijd(o.geldigTot)}. Deel de code niet met anderen. Vragen? Bel uw consulent van de gemeente.`,
    ],
    knop: { tekst: "Bekijk de aanbiedingen", url: o.url.startsWith("http") ? o.url : `${basis}${o.url}` },
  });
}

/** The fresh invite of a results check: a code and a link, and nothing about the care itself. */
export function resultaatcheck(
  basis: string,
  o: { gemeente: string; code: string; url: string; geldigTot: Date; maanden: number },
): Opgemaakt {
  return maak({
    onderwerp: `Gemeente ${o.gemeente} vraagt: hoe gaat het nu?`,
    aanhef: "Beste meneer, mevrouw,",
    alineas: [
      `Uw ondersteuning is ${o.maanden} maanden geleden begonnen. Gemeente ${o.gemeente} wil graag weten of het helpt. Er zijn drie korte vragen. Het duurt ongeveer vijf minuten.`,
      `Uw code is: ${o.code}`,
      `De code werkt tot ${datumTijd(o.geldigTot)}. Deel de code niet met anderen. Vragen? Bel uw consulent van de gemeente.`,
    ],
    knop: { tekst: "Beantwoord de vragen", url: o.url.startsWith("http") ? o.url : `${basis}${o.url}` },
  });
}

/** Without an address the consulent hands the code over: she hears that it is waiting, not what for. */
export function resultaatcheckCode(basis: string, o: { hulpvraagId: string; maanden: number }): Opgemaakt {
  return maak({
    onderwerp: `Resultaatcheck klaar bij hulpvraag ${o.hulpvraagId}: geef de cliënt de code`,
    aanhef: "Beste consulent,",
    alineas: [
      `De zorg bij hulpvraag ${o.hulpvraagId} loopt ${o.maanden} maanden. De cliënt kan nu zeggen of de resultaten bereikt zijn. Er is geen e-mailadres bekend: geef de cliënt de code, of druk de brief af.`,
    ],
    knop: { tekst: "Naar de resultaatcheck", url: `${basis}/consulent/hulpvragen/${o.hulpvraagId}/resultaten` },
  });
}

export function clientKoos(basis: string, o: { hulpvraagId: string }): Opgemaakt {
  return maak({
    onderwerp: `De cliënt heeft gekozen bij hulpvraag ${o.hulpvraagId}`,
    aanhef: "Beste consulent,",
    alineas: [
      `De cliënt (of de vertegenwoordiger) heeft een voorkeur doorgegeven bij hulpvraag ${o.hulpvraagId}. U ziet de keuze en een eventuele opmerking in Zorgveiling.`,
    ],
    knop: { tekst: "Bekijk de hulpvraag", url: `${basis}/consulent/hulpvragen/${o.hulpvraagId}` },
  });
}

/** An offer came in outside office hours (kantooruren.ts): the consulent reads it at the start of the next office day. */
export function aanbodNaKantoortijd(basis: string, o: { hulpvraagId: string; ontvangen: Date }): Opgemaakt {
  return maak({
    onderwerp: `Nieuwe aanbieding buiten kantoortijd bij hulpvraag ${o.hulpvraagId}`,
    aanhef: "Beste consulent,",
    alineas: [
      `Op ${datumTijd(o.ontvangen)} kwam er een aanbieding binnen bij hulpvraag ${o.hulpvraagId}, buiten kantoortijd. U ziet de aanbieding in Zorgveiling.`,
      "Komen er vannacht of dit weekend nog meer aanbiedingen bij deze hulpvraag, dan krijgt u daarover geen aparte e-mail.",
    ],
    knop: { tekst: "Bekijk de aanbiedingen", url: `${basis}/consulent/hulpvragen/${o.hulpvraagId}` },
  });
}
