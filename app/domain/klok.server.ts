import { sluitVerlopenHulpvragen } from "./hulpvragen.server";
import { stuurHerinneringen } from "./herinneringen.server";
import { pseudonimiseerVerlopenClienten } from "./bewaartermijn.server";
import { logboek } from "../logboek.server";
import { ruimOp } from "./huishouden.server";
import { isDatabaseWeg } from "../../db/bereikbaarheid";
import { verstuurBerichten } from "./berichten.server";
import { stuurDagoverzichten } from "./mailmeldingen.server";
import { zetResultaatchecksKlaar } from "./resultaatcheck.server";

/**
 * Work driven by the server clock, not by anyone watching: closing requests at their deadline,
 * reminding providers and pseudonymising client records past the retention term. Every
 * process runs it; each task claims its rows atomically, so a transition happens once however
 * many processes there are.
 */
const TAKEN = [
  { naam: "termijnen sluiten", elkeMs: 1000, uitvoeren: () => sluitVerlopenHulpvragen() },
  { naam: "herinneringen", elkeMs: 30_000, uitvoeren: () => stuurHerinneringen() },
  // E-mail leaves only after its change committed; retries wait in the queue, not here.
  { naam: "e-mail versturen", elkeMs: 1000, uitvoeren: () => verstuurBerichten() },
  { naam: "dagoverzichten", elkeMs: 60_000, uitvoeren: () => stuurDagoverzichten() },
  // Once per (toewijzing, moment) through its unique row; every process may look.
  { naam: "resultaatchecks", elkeMs: 60_000, bijStart: true, uitvoeren: () => zetResultaatchecksKlaar() },
  // Also once at the start: a server restarted more often than daily must still get to it.
  { naam: "bewaartermijn", elkeMs: 24 * 3600_000, bijStart: true, uitvoeren: () => pseudonimiseerVerlopenClienten() },
  // Under an advisory lock: one process of the group per round.
  { naam: "opruimen", elkeMs: 10 * 60_000, bijStart: true, uitvoeren: () => ruimOp() },
];

export function startKlok() {
  const timers = TAKEN.map((taak) => {
    let bezig = false;
    let weg = false;
    const tik = async () => {
      if (bezig) return;
      bezig = true;
      try {
        await taak.uitvoeren();
        weg = false;
      } catch (e) {
        // The database away is said once per outage (the bewaking says when it is back), not every second.
        if (!isDatabaseWeg(e)) logboek.error({ err: e, taak: taak.naam }, "kloktaak mislukt");
        else if (!weg) logboek.warn({ taak: taak.naam }, "kloktaak: database niet bereikbaar, volgende tik opnieuw");
        weg = isDatabaseWeg(e);
      } finally {
        bezig = false;
      }
    };
    if ("bijStart" in taak && taak.bijStart) void tik();
    return setInterval(tik, taak.elkeMs);
  });
  return { stop: () => timers.forEach(clearInterval) };
}
