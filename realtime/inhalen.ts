import type { Socket } from "socket.io-client";
import type { ClientToServer, ServerToClient, SyncAntwoord } from "./events";
import type { Volgorde } from "./volgorde";

/** A held event usually has its missing predecessor right behind it: wait that long before asking. */
const GAT_WACHT_MS = 300;
/** Also ask now and then: an event committed by a process that died before publishing it is only found so. */
const CONTROLE_MS = 30_000;

type Handelingen = {
  status: (s: "verbonden" | "verbroken") => void;
  /** The gap is older than the server keeps: only a fresh page load shows the truth. */
  herladen: () => void;
};

/**
 * Keeps a Volgorde complete over one socket: `sync` on every (re)connect, when an event waits
 * for a missing seq, when the server has its database back, and now and then. One sync at a
 * time; a live event racing its answer is held by the Volgorde, so it cannot undo the catch-up.
 * The browser (useLive) and the fault tests both run this.
 */
export function houdBij(
  socket: Socket<ServerToClient, ClientToServer>,
  v: Volgorde,
  h: Handelingen,
  controleMs = CONTROLE_MS,
) {
  let bezig = false;
  let nogEens = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const plan = (ms: number) => {
    if (!timer)
      timer = setTimeout(() => {
        timer = undefined;
        synchroniseer();
      }, ms);
  };

  const synchroniseer = () => {
    if (!socket.connected) return;
    if (bezig) {
      nogEens = true;
      return;
    }
    bezig = true;
    const stand = v.stand();
    socket.timeout(10_000).emit("sync", { feeds: stand }, (fout: Error | null, antwoord: SyncAntwoord) => {
      bezig = false;
      if (fout || antwoord.onbeschikbaar) {
        h.status("verbroken");
        plan(2000);
        return;
      }
      if (antwoord.herladen) {
        h.herladen();
        return;
      }
      for (const e of antwoord.events) v.ontvang(e);
      // A feed not known before starts at the head read before the events: nothing is skipped.
      for (const [feed, seq] of Object.entries(antwoord.feeds)) if (!(feed in stand)) v.basis(feed, seq);
      h.status("verbonden");
      if (nogEens || v.gaten().length) {
        nogEens = false;
        plan(v.gaten().length ? 1000 : 0);
      }
    });
  };
  socket.on("connect", synchroniseer);
  socket.on("live", (e) => {
    v.ontvang(e);
    if (v.gaten().length) plan(GAT_WACHT_MS);
  });
  // The server lost its database: say so; when it is back, catch up on what may have been missed.
  socket.on("database", (bereikbaar) => {
    if (bereikbaar) synchroniseer();
    else h.status("verbroken");
  });
  socket.on("disconnect", () => h.status("verbroken"));
  socket.on("connect_error", (fout) => {
    h.status("verbroken");
    // socket.io gives up after a refusal by the handshake; one for lack of a database is temporary.
    if (!socket.active && fout.message === "unavailable")
      setTimeout(() => {
        if (!socket.connected) socket.connect();
      }, 2000);
  });
  const controle = setInterval(synchroniseer, controleMs);
  return {
    synchroniseer,
    stop: () => {
      clearInterval(controle);
      clearTimeout(timer);
    },
  };
}
