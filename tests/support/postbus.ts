import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import { pauze } from "./fabriek";

/**
 * A real SMTP server in the test process: what arrives is parsed as a mail client would
 * (mailparser). `weigerNog` makes the next deliveries fail with a temporary 451, to test retries.
 */
export class Postbus {
  ontvangen: ParsedMail[] = [];
  weigerNog = 0;
  private smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData: (stream, _sessie, klaar) => {
      simpleParser(stream).then((m) => {
        if (this.weigerNog > 0) {
          this.weigerNog--;
          klaar(Object.assign(new Error("Tijdelijk niet beschikbaar"), { responseCode: 451 }));
          return;
        }
        this.ontvangen.push(m);
        klaar();
      }, klaar);
    },
  });
  port = 0;
  async start() {
    await new Promise<void>((r) => this.smtp.listen(0, "127.0.0.1", () => r()));
    this.port = (this.smtp.server.address() as AddressInfo).port;
  }
  stop() {
    return new Promise<void>((r) => this.smtp.close(() => r()));
  }
  aan(adres: string, over?: string) {
    return this.ontvangen.filter(
      (m) =>
        m.to &&
        !Array.isArray(m.to) &&
        m.to.value.some((v) => v.address === adres) &&
        (!over || m.subject?.includes(over)),
    );
  }
  async wacht(adres: string, over: string, ms = 8000): Promise<ParsedMail> {
    const einde = Date.now() + ms;
    for (;;) {
      const [m] = this.aan(adres, over);
      if (m) return m;
      if (Date.now() > einde)
        throw new Error(
          `geen e-mail aan ${adres} over ${over}; wel: ${this.ontvangen.map((x) => `${x.to && !Array.isArray(x.to) ? x.to.text : "?"}: ${x.subject}`).join(" | ")}`,
        );
      await pauze(100);
    }
  }
}
