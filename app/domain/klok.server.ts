import { sluitVerlopenHulpvragen } from "./hulpvragen.server";
import { stuurHerinneringen } from "./herinneringen.server";

/**
 * Work driven by the server clock, not by anyone watching: closing requests at their deadline
 * and reminding providers. Every process runs it; each task claims its rows atomically, so a
 * transition happens once however many processes there are.
 */
const TAKEN = [
  { naam: "termijnen sluiten", elkeMs: 1000, uitvoeren: () => sluitVerlopenHulpvragen() },
  { naam: "herinneringen", elkeMs: 30_000, uitvoeren: () => stuurHerinneringen() },
];

export function startKlok() {
  const timers = TAKEN.map((taak) => {
    let bezig = false;
    return setInterval(async () => {
      if (bezig) return;
      bezig = true;
      try {
        await taak.uitvoeren();
      } catch (e) {
        console.error(`[klok] ${taak.naam}:`, e);
      } finally {
        bezig = false;
      }
    }, taak.elkeMs);
  });
  return { stop: () => timers.forEach(clearInterval) };
}
