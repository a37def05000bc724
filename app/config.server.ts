import { z } from "zod";

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
  // smtp://user:pass@host:587 or smtps://…:465. Unset: e-mail stays in the outbox ("Verzonden berichten").
  SMTP_URL: z.string().url().refine((u) => /^smtps?:/.test(u), { error: "Gebruik smtp:// of smtps://." }).optional(),
  MAIL_FROM: z.string().min(3).default("Zorgveiling <noreply@zorgveiling.localhost>"),
  LOG_LEVEL: z.enum(["silent", "info", "debug"]).default("info"),
});

export type Config = z.infer<typeof ConfigSchema>;

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Ongeldige configuratie:\n${problems}`);
  }
  return parsed.data;
}
