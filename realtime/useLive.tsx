import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { io, type Socket } from "socket.io-client";
import type { ClientToServer, LiveEvent, ServerToClient, SyncAntwoord } from "./events";
import { Volgorde } from "./volgorde";

export type LiveStatus = "uit" | "verbinden" | "verbonden" | "verbroken";
type Luisteraar = (event: LiveEvent) => void;
type LiveContext = { status: LiveStatus; luister: (fn: Luisteraar) => () => void };

const Context = createContext<LiveContext>({ status: "uit", luister: () => () => {} });

/** A held event usually has its missing predecessor right behind it: wait that long before asking. */
const GAT_WACHT_MS = 300;
/** Also ask now and then: an event committed by a process that died before publishing it is only found so. */
const CONTROLE_MS = 30_000;

/**
 * One socket per page. `feeds` holds the seq per feed as of the page's loader, so that whatever
 * happens between the page being rendered and the socket connecting is caught up too. Events
 * are delivered per feed in seq order, each once (Volgorde); a gap is filled by asking `sync`.
 */
export function LiveProvider({ actief, feeds, children }: { actief: boolean; feeds: Record<string, number>; children: ReactNode }) {
  const [status, setStatus] = useState<LiveStatus>(actief ? "verbinden" : "uit");
  const luisteraars = useRef(new Set<Luisteraar>());
  const volgorde = useRef<Volgorde | null>(null);
  if (!volgorde.current) {
    volgorde.current = new Volgorde((e) => { for (const fn of luisteraars.current) fn(e); });
    for (const [feed, seq] of Object.entries(feeds)) volgorde.current.basis(feed, seq);
  }

  useEffect(() => {
    // A new page load brings newer seqs; never go back.
    for (const [feed, seq] of Object.entries(feeds)) volgorde.current!.basis(feed, seq);
  }, [feeds]);

  useEffect(() => {
    if (!actief) return;
    const v = volgorde.current!;
    const socket: Socket<ServerToClient, ClientToServer> = io({ transports: ["websocket"], withCredentials: true });
    let bezig = false;
    let nogEens = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const plan = (ms: number) => { if (!timer) timer = setTimeout(() => { timer = undefined; synchroniseer(); }, ms); };

    // One sync at a time; events that race its answer are held by Volgorde, so they cannot undo it.
    const synchroniseer = () => {
      if (!socket.connected) return;
      if (bezig) { nogEens = true; return; }
      bezig = true;
      const stand = v.stand();
      socket.timeout(10_000).emit("sync", { feeds: stand }, (fout: Error | null, antwoord: SyncAntwoord) => {
        bezig = false;
        if (fout || antwoord.onbeschikbaar) { setStatus("verbroken"); plan(2000); return; }
        if (antwoord.herladen) { window.location.reload(); return; }
        for (const e of antwoord.events) v.ontvang(e);
        for (const [feed, seq] of Object.entries(antwoord.feeds)) if (!(feed in stand)) v.basis(feed, seq);
        setStatus("verbonden");
        if (nogEens || v.gaten().length) { nogEens = false; plan(v.gaten().length ? 1000 : 0); }
      });
    };
    socket.on("connect", synchroniseer);
    socket.on("live", (e) => {
      v.ontvang(e);
      if (v.gaten().length) plan(GAT_WACHT_MS);
    });
    // The server lost its database: say so; when it is back, catch up on what may have been missed.
    socket.on("database", (bereikbaar) => { if (bereikbaar) synchroniseer(); else setStatus("verbroken"); });
    socket.on("disconnect", () => setStatus("verbroken"));
    socket.on("connect_error", () => setStatus("verbroken"));
    // A client has no password: send them back to where they type their invite code.
    socket.on("session:ended", () => window.location.assign(window.location.pathname.startsWith("/client") ? "/uitnodiging?afgesloten=ja" : "/inloggen"));
    const controle = setInterval(synchroniseer, CONTROLE_MS);
    (window as unknown as { __zorgveilingSocket?: Socket }).__zorgveilingSocket = socket;
    return () => {
      clearInterval(controle);
      clearTimeout(timer);
      socket.close();
    };
  }, [actief]);

  const luister = useCallback((fn: Luisteraar) => {
    luisteraars.current.add(fn);
    return () => luisteraars.current.delete(fn);
  }, []);

  return <Context.Provider value={{ status, luister }}>{children}</Context.Provider>;
}

export function useLiveStatus(): LiveStatus {
  return useContext(Context).status;
}

/** Calls `fn` for each live event; the latest `fn` is used without resubscribing. */
export function useLive(fn: Luisteraar) {
  const { luister } = useContext(Context);
  const actueel = useRef(fn);
  actueel.current = fn;
  useEffect(() => luister((e) => actueel.current(e)), [luister]);
}
