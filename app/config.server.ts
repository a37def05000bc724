import { isIP } from "node:net";
import { z } from "zod";
import { KANTOORUREN_STANDAARD, leesKantooruren, type Kantooruren } from "./domain/kantooruren";

// Validated once at boot so a typo in the environment stops the server with a clear message.
const ConfigSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default(".data"),
  SESSION_SECRET: z.string().min(16).optional(),
  COOKIE_SECURE: z.enum(["true", "false"]).default("true"),
  PUBLIC_URL: z.string().url().optional(),
  SEED_DEMO: z.enum(["true", "false"]).default("true"),
  // With the demo: one awarded request whose care started 4 months ago, so the results check shows.
  SEED_DEMO_VOORBEELD: z.enum(["true", "false"]).default("true"),
  // smtp://user:pass@host:587 or smtps://…:465. Unset: e-mail stays in the outbox ("Verzonden berichten").
  SMTP_URL: z
    .string()
    .url()
    .refine((u) => /^smtps?:/.test(u), { error: "Gebruik smtp:// of smtps://." })
    .optional(),
  MAIL_FROM: z.string().min(3).default("Zorgveiling <noreply@zorgveiling.localhost>"),
  LOG_LEVEL: z.enum(["silent", "error", "warn", "info", "debug"]).default("info"),
  // The proxies whose X-Forwarded-For is believed; by default none, so the address is the TCP peer's.
  TRUST_PROXY: z.string().default("").transform(leesTrustProxy),
  // Live sockets one session (browser or API token) and one address may hold at once.
  LIVE_MAX_PER_SESSIE: z.coerce.number().int().min(1).default(20),
  LIVE_MAX_PER_ADRES: z.coerce.number().int().min(1).default(1000),
  // The ocid prefix the Open Contracting Partnership registered for the publisher. The default is a
  // placeholder of the right shape (OCDS_OCID_PREFIX in app/domain/toewijzing-ocds.ts), not a registration.
  OCDS_PREFIX: z
    .string()
    .regex(/^ocds-[a-z0-9]{6}$/, { error: 'Een ocid-prefix is "ocds-" en zes kleine letters of cijfers.' })
    .default("ocds-xxxxxx"),
  // Office hours (Europe/Amsterdam): an offer arriving outside them is also e-mailed to the consulent.
  KANTOORUREN: z.string().default(KANTOORUREN_STANDAARD).transform(leesKantoorurenInstelling),
});

function leesKantoorurenInstelling(waarde: string, ctx: z.RefinementCtx): Kantooruren {
  const uren = leesKantooruren(waarde);
  if (typeof uren === "string") {
    ctx.addIssue({ code: "custom", message: uren });
    return z.NEVER;
  }
  return uren;
}

const PROXY_NAMEN = new Set(["loopback", "linklocal", "uniquelocal"]);

/**
 * Express's `trust proxy`: empty or `false` trusts nothing; otherwise a comma-separated list of
 * addresses, CIDR ranges or the names loopback/linklocal/uniquelocal. `true` (everyone) is refused:
 * then any client could choose its own address and escape the per-address limits.
 */
function leesTrustProxy(waarde: string, ctx: z.RefinementCtx): false | string[] {
  const delen = waarde
    .split(",")
    .map((d) => d.trim())
    .filter(Boolean);
  if (delen.length === 0 || (delen.length === 1 && delen[0] === "false")) return false;
  for (const d of delen) {
    const [adres, bits, ...rest] = d.split("/");
    const ok =
      PROXY_NAMEN.has(d) || (isIP(adres) !== 0 && rest.length === 0 && (bits === undefined || /^\d{1,3}$/.test(bits)));
    if (!ok)
      ctx.addIssue({ code: "custom", message: `"${d}" is geen adres, CIDR-bereik of loopback/linklocal/uniquelocal` });
  }
  return delen;
}

export type Config = z.infer<typeof ConfigSchema>;

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Ongeldige configuratie:\n${problems}`);
  }
  return parsed.data;
}
