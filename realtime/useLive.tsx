import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { useNavigation } from "@remix-run/react";
import { io, type Socket } from "socket.io-client";
import type { ClientToServer, LiveEvent, ServerToClient } from "./events";
import { houdBij } from "./inhalen";
import { Volgorde } from "./volgorde";

export type LiveStatus = "uit" | "verbinden" | "verbonden" | "verbroken";
type Luisteraar = (event: LiveEvent) => void;
type LiveContext = { status: LiveStatus; luister: (fn: Luisteraar) => () => void };

const Context = createContext<LiveContext>({ status: "uit", luister: () => () => {} });

/**
 * One socket per page. `feeds` holds the seq per feed as of the page's loader, so that whatever
 * happens between the page being rendered and the socket connecting is caught up too. Events
 * are delivered per feed in seq order, each once (Volgorde); a gap is filled by asking `sync`.
 */
export function LiveProvider({
  actief,
  feeds,
  children,
}: {
  actief: boolean;
  feeds: Record<string, number>;
  children: ReactNode;
}) {
  const [status, setStatus] = useState<LiveStatus>(actief ? "verbinden" : "uit");
  const luisteraars = useRef(new Set<Luisteraar>());
  const volgorde = useRef<Volgorde | null>(null);
  if (!volgorde.current) {
    volgorde.current = new Volgorde((e) => {
      for (const fn of luisteraars.current) fn(e);
    });
    for (const [feed, seq] of Object.entries(feeds)) volgorde.current.basis(feed, seq);
  }

  useEffect(() => {
    // A new page load brings newer seqs; never go back.
    for (const [feed, seq] of Object.entries(feeds)) volgorde.current!.basis(feed, seq);
  }, [feeds]);

  // This tab signing itself out ends its own session as well: that is no news from elsewhere.
  const navigatie = useNavigation();
  const zelfAfmelden = useRef(false);
  zelfAfmelden.current = navigatie.state !== "idle" && navigatie.formAction === "/uitloggen";

  useEffect(() => {
    if (!actief) return;
    const v = volgorde.current!;
    const socket: Socket<ServerToClient, ClientToServer> = io({ transports: ["websocket"], withCredentials: true });
    const bij = houdBij(socket, v, { status: setStatus, herladen: () => window.location.reload() });
    // A client has no password: send them back to where they type their invite code.
    socket.on("session:ended", () => {
      if (zelfAfmelden.current) return;
      window.location.assign(
        window.location.pathname.startsWith("/client") ? "/uitnodiging?afgesloten=ja" : "/inloggen?afgemeld=elders",
      );
    });
    (window as unknown as { __zorgveilingSocket?: Socket }).__zorgveilingSocket = socket;
    return () => {
      bij.stop();
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
