/**
 * The live-event contract: every event's name with the shape of its payload. The server writes
 * them to the live_events table inside the transaction (app/domain/live.server.ts); the browser
 * hook (realtime/useLive.tsx) hands them to pages already typed, so no page casts a payload.
 *
 * Naming rule (docs/architectuur.md): payloads use the domain's Dutch words; every event about
 * a request carries `hulpvraagId`; a thing's full representation travels under its own name
 * (`hulpvraag`, `aanbieding`, `personeelsovername`), in the shape the API gives it.
 */
import type { AanbiedingStatus, HulpvraagStatus } from "../db/schema/markt";
import type { AanbiedingWeergave, aanbiedingVoorClient } from "../app/domain/aanbieding-weergave";
import type { HulpvraagVoorAanbieder } from "../app/domain/hulpvraag-weergave";

/** Where a request stands; aanbieder feeds also get the request as a provider reads it. */
export type HulpvraagStand = {
  hulpvraagId: string;
  status: HulpvraagStatus;
  deadline?: string;
  hulpvraag?: HulpvraagVoorAanbieder;
};

export type AanbiedingMelding = {
  hulpvraagId: string;
  aanbieding: AanbiedingWeergave | ReturnType<typeof aanbiedingVoorClient>;
};

export type LiveBerichten = {
  "request:published": HulpvraagStand;
  "request:changed": HulpvraagStand;
  "request:withdrawn": HulpvraagStand;
  "request:closed": HulpvraagStand;
  "request:reminder": HulpvraagStand & { hulpvraag: HulpvraagVoorAanbieder };
  "request:awarded": {
    hulpvraagId: string;
    status: "gegund";
    toewijzingId: string;
    aanbiedingId: string;
    aanbiederId: string;
    consortiumId: string | null;
  };
  "offer:created": AanbiedingMelding;
  "offer:revised": AanbiedingMelding;
  "offer:withdrawn": AanbiedingMelding;
  "offer:outcome": { hulpvraagId: string; aanbiedingId: string; status: AanbiedingStatus; uitkomstMotivatie: string };
  "choice:changed": {
    hulpvraagId: string;
    partij: "client" | "consulent";
    aanbiedingId: string | null;
    /** The client's own comment; null on the consulent's choice. */
    opmerking: string | null;
    status: HulpvraagStatus;
  };
  /** A colleague confirmed the consulent's choice against the client's preference (four eyes, rule 7). */
  "choice:reviewed": { hulpvraagId: string; aanbiedingId: string | null; status: HulpvraagStatus };
  /**
   * The supervisor's figures moved: told on the toezicht feed for every committed change in the
   * gemeente's market (`aanleiding`: the event that moved them) and for every counted rule refusal
   * (`aanleiding` "refusal:counted", with its `code`). `hulpvraagId` is null for a refusal of no request.
   */
  "figures:changed": { hulpvraagId: string | null; aanleiding: string; code?: string };
  "staff-transfer:created": {
    hulpvraagId: string;
    personeelsovername: {
      id: string;
      vanAanbiederId: string;
      naarAanbiederId: string;
      hulpverlenerRol: string;
      cao: string;
      datum: string;
      toegezegd: boolean;
    };
  };
};

export type LiveEventType = keyof LiveBerichten;

/** One stored, numbered event: a tagged union, so `e.type` narrows `e.payload`. */
export type LiveEvent = {
  [T in LiveEventType]: { feed: string; seq: number; type: T; payload: LiveBerichten[T]; at: string };
}[LiveEventType];

/** Feeds are also socket.io room names. */
export const feedVoor = {
  gemeente: (gemeenteId: string) => `gemeente:${gemeenteId}`,
  hulpvraag: (hulpvraagId: string) => `hulpvraag:${hulpvraagId}`,
  aanbieder: (aanbiederId: string) => `aanbieder:${aanbiederId}`,
  gebruiker: (userId: string) => `gebruiker:${userId}`,
  /** The supervisor's own feed: only that figures moved, never what a request or offer says. */
  toezicht: (gemeenteId: string) => `toezicht:${gemeenteId}`,
};

export type ServerToClient = {
  live: (event: LiveEvent) => void;
  "session:ended": () => void;
  /** The process lost (false) or regained (true) its database: live events may have been missed. */
  database: (bereikbaar: boolean) => void;
};

export type SyncVerzoek = { feeds: Record<string, number> };
/**
 * `events`: every missed event of the asked feeds in (feed, seq) order, complete up to the
 * moment of reading. `herladen`: the gap is older than the catch-up window (or too long to
 * replay), so only a fresh page load shows the truth. `onbeschikbaar`: the database could not
 * be read; ask again later.
 */
export type SyncAntwoord = {
  events: LiveEvent[];
  feeds: Record<string, number>;
  herladen?: boolean;
  onbeschikbaar?: boolean;
};

export type ClientToServer = {
  /** Sent on (re)connect with the last seq seen per feed; the answer holds what was missed. */
  sync: (verzoek: SyncVerzoek, ack: (antwoord: SyncAntwoord) => void) => void;
};
