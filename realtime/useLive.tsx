import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { io, type Socket } from "socket.io-client";
import type { ClientToServer, LiveEvent, ServerToClient, SyncAntwoord } from "./events";

export type LiveStatus = "uit" | "verbinden" | "verbonden" | "verbroken";
type Luisteraar = (event: LiveEvent) => void;
type LiveContext = { status: LiveStatus; luister: (fn: Luisteraar) => () => void };

const Context = createContext<LiveContext>({ status: "uit", luister: () => () => {} });

/**
 * One socket per page. `feeds` holds the seq per feed as of the page's loader, so that whatever
 * happens between the page being rendered and the socket connecting is caught up too.
 */
export function LiveProvider({ actief, feeds, children }: { actief: boolean; feeds: Record<string, number>; children: ReactNode }) {
  const [status, setStatus] = useState<LiveStatus>(actief ? "verbinden" : "uit");
  const luisteraars = useRef(new Set<Luisteraar>());
  const gezien = useRef<Record<string, number>>({ ...feeds });

  useEffect(() => {
    // A new page load brings newer seqs; never go back.
    for (const [feed, seq] of Object.entries(feeds)) gezien.current[feed] = Math.max(gezien.current[feed] ?? 0, seq);
  }, [feeds]);

  useEffect(() => {
    if (!actief) return;
    const socket: Socket<ServerToClient, ClientToServer> = io({ transports: ["websocket"], withCredentials: true });
    const ontvang = (e: LiveEvent) => {
      const laatste = gezien.current[e.feed] ?? 0;
      if (e.seq <= laatste) return;
      gezien.current[e.feed] = e.seq;
      for (const fn of luisteraars.current) fn(e);
    };
    socket.on("connect", () => {
      socket.emit("sync", { feeds: gezien.current }, (antwoord: SyncAntwoord) => {
        for (const e of antwoord.events) ontvang(e);
        for (const [feed, seq] of Object.entries(antwoord.feeds)) gezien.current[feed] ??= seq;
        setStatus("verbonden");
      });
    });
    socket.on("live", ontvang);
    socket.on("disconnect", () => setStatus("verbroken"));
    socket.on("connect_error", () => setStatus("verbroken"));
    // A client has no password: send them back to where they type their invite code.
    socket.on("session:ended", () => window.location.assign(window.location.pathname.startsWith("/client") ? "/uitnodiging?afgesloten=ja" : "/inloggen"));
    (window as unknown as { __zorgveilingSocket?: Socket }).__zorgveilingSocket = socket;
    return () => {
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
