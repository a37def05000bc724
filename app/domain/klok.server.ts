import { sluitVerlopenHulpvragen } from "./hulpvragen.server";
import { stuurHerinneringen } from "./herinneringen.server";
import { pseudonimiseerVerlopenClienten } from "./bewaartermijn.server";
import { logboek } from "../logboek.server";
import { verstuurBerichten } from "./berichten.server";
import { stuurDagoverzichten } from "./mailmeldingen.server";

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
  // Also once at the start: a server restarted more often than daily must still get to it.
  { naam: "bewaartermijn", elkeMs: 24 * 3600_000, bijStart: true, uitvoeren: () => pseudonimiseerVerlopenClienten() },
];

export function startKlok() {
  const timers = TAKEN.map((taak) => {
    let bezig = false;
    const tik = async () => {
      if (bezig) return;
      bezig = true;
      try {
        await taak.uitvoeren();
      } catch (e) {
        logboek.error({ err: e, taak: taak.naam }, "kloktaak mislukt");
      } finally {
        bezig = false;
      }
    };
    if ("bijStart" in taak && taak.bijStart) void tik();
    return setInterval(tik, taak.elkeMs);
  });
  return { stop: () => timers.forEach(clearInterval) };
}
