import { z } from "zod";

// Dutch messages by default for every schema, in the browser bundle and on the server.
z.config(z.locales.nl());

export { z };

// Control characters (NUL, bidi overrides and the like) are never part of what people write;
// PostgreSQL cannot even store NUL. Line breaks and tabs are fine.
const BESTURINGSTEKENS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;

/** Free text as people type it: trimmed, bounded, without control characters. */
export const tekst = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Maximaal ${max} tekens.` })
    .refine((t) => !BESTURINGSTEKENS.test(t), { error: "Deze tekst bevat onzichtbare besturingstekens." });

/** A reference to a record (`hv_…`, `ab_…`): letters, digits, `_` and `-` only, so odd bytes never reach a query. */
export const SLEUTEL = /^[A-Za-z0-9_-]{1,64}$/;
export const sleutel = (bericht = "Onbekende verwijzing.") =>
  z.string({ error: bericht }).regex(SLEUTEL, { error: bericht });
