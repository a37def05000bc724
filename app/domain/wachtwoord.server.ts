import { hash, verify } from "@node-rs/argon2";

const ARGON2ID = 2; // Algorithm.Argon2id; the const enum cannot be imported under isolatedModules.

/** Passwords are stored as argon2id hashes only; the sign-in (app/auth) and account creation share this. */
export const hashWachtwoord = (wachtwoord: string) => hash(wachtwoord, { algorithm: ARGON2ID });

/** False for a wrong password and for a hash that cannot be read, never a crash. */
export const wachtwoordKlopt = (passwordHash: string, wachtwoord: string) =>
  verify(passwordHash, wachtwoord).catch(() => false);
