/** OP192: how the file itself is made (UTF-8 without BOM, CR/LF line endings). */
import type { Regel } from "../regel";

export const OP192: Regel = {
  code: "OP192",
  omschrijving: "Verzonden berichten voldoen aan de technische eisen: XML, UTF-8 zonder BOM, regeleinden CR/LF.",
  controleer: (b) => {
    const p: string[] = [];
    if (b.ruw.startsWith("\uFEFF")) p.push("Het bestand begint met een byte order mark (BOM); dat mag niet.");
    const kaal = b.ruw.replace(/\r\n/g, "");
    if (/[\r\n]/.test(kaal)) p.push("Elke regel moet eindigen op CR/LF; er staat een los LF- of CR-teken in.");
    else if (!b.ruw.includes("\r\n")) p.push("Het bericht heeft geen regeleinden CR/LF.");
    const decl = /^\uFEFF?<\?xml[^>]*encoding=["']([^"']+)["']/i.exec(b.ruw);
    if (decl && decl[1].toUpperCase() !== "UTF-8") p.push(`De codering is ${decl[1]}; het moet UTF-8 zijn.`);
    return p;
  },
};
