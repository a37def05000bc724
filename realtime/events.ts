/**
 * Names and payloads of live events. Shared by the server (which writes them to the
 * live_events table inside the transaction) and the browser hook (which reads them).
 */
export type LiveEventType =
  | "request:published"
  | "request:changed"
  | "request:withdrawn"
  | "request:closed"
  | "request:reminder"
  | "offer:created"
  | "offer:revised"
  | "offer:withdrawn"
  | "offer:outcome"
  | "choice:changed"
  | "request:awarded"
  | "staff-transfer:created"
  | "demo:ping";

export type LiveEvent = {
  feed: string;
  seq: number;
  type: LiveEventType;
  payload: Record<string, unknown>;
  at: string;
};

/** Feeds are also socket.io room names. */
export const feedVoor = {
  gemeente: (gemeenteId: string) => `gemeente:${gemeenteId}`,
  hulpvraag: (hulpvraagId: string) => `hulpvraag:${hulpvraagId}`,
  aanbieder: (aanbiederId: string) => `aanbieder:${aanbiederId}`,
  gebruiker: (userId: string) => `gebruiker:${userId}`,
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
export type SyncAntwoord = { events: LiveEvent[]; feeds: Record<string, number>; herladen?: boolean; onbeschikbaar?: boolean };

export type ClientToServer = {
  /** Sent on (re)connect with the last seq seen per feed; the answer holds what was missed. */
  sync: (verzoek: SyncVerzoek, ack: (antwoord: SyncAntwoord) => void) => void;
};
