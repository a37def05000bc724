import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { startServer, webInloggen } from "../support/server";
import { gepubliceerdeHulpvraag, pauze } from "../support/fabriek";
import { BEHEERDER, THUISZORG } from "../support/ronde";

/** Without SMTP_URL nothing is lost: the messages stay in the database, readable by the beheerder. */
const ADRES = "https://zorgveiling.test";

describe("zonder mailserver", () => {
  it("blijft elk bericht bewaard en leest de beheerder het op Verzonden berichten", { timeout: 60_000 }, async () => {
    const los = await startServer({ env: { PUBLIC_URL: ADRES } });
    try {
      const id = await gepubliceerdeHulpvraag(los);
      const { cookie } = await webInloggen(los, BEHEERDER);
      assert.ok(cookie);
      const einde = Date.now() + 8000;
      let html = "";
      for (;;) {
        html = await (await fetch(`${los.url}/beheer/berichten`, { headers: { cookie } })).text();
        if (html.includes("Bewaard (geen mailserver ingesteld)") || Date.now() > einde) break;
        await pauze(200);
      }
      assert.ok(html.includes(`Nieuwe hulpvraag van gemeente Winterswijk (${id})`), "onderwerp in het postvak");
      assert.ok(html.includes(`aan ${THUISZORG}`));
      assert.ok(html.includes("Bewaard (geen mailserver ingesteld)"));
      assert.ok(html.includes(`${ADRES}/aanbieder/hulpvragen/${id}`), "de tekst van het bericht");
      const anders = await (
        await fetch(`${los.url}/beheer/berichten`, {
          headers: { cookie: (await webInloggen(los, "beheerder@aalten.demo")).cookie! },
        })
      ).text();
      assert.equal(anders.includes(id), false, "een andere gemeente leest het niet");
    } finally {
      await los.stop();
    }
  });
});
