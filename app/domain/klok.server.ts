/**
 * Work driven by the server clock, not by anyone watching: closing requests at their deadline
 * and reminding providers. Every process runs it; each task claims its rows atomically, so a
 * transition happens once however many processes there are.
 */
type Taak = { naam: string; elkeMs: number; uitvoeren: () => Promise<unknown> };

const taken: Taak[] = [];

export function registreerTaak(taak: Taak) {
  taken.push(taak);
}

export function startKlok() {
  const timers = taken.map((taak) => {
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
