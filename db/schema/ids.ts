import { randomBytes } from "node:crypto";

// Crockford-style alphabet: ids are read aloud on the phone, so no I, L, O or U.
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

export function newId(prefix: string, length = 14): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const byte of bytes) out += ALPHABET[byte % 32];
  return `${prefix}_${out}`;
}
