import type { ServerOptions } from "node:http";
import type { NextFunction, Request as ExpressRequest, Response } from "express";
// The adapter's own request and response conversion: in its dist/server.js, not re-exported nor typed.
import * as remixExpress from "@remix-run/express/dist/server.js";
import { createRequestHandler, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import { onbeschikbaarBestand } from "./onbeschikbaar";

/** A form post to a page: 1 MB is far more than any form here needs; larger is refused unread. */
export const MAX_FORMULIER_BYTES = 1024 * 1024;

/**
 * Slow or half-open connections are closed: headers within 10 s, the whole request within 30 s,
 * an idle keep-alive connection after 5 s; checked every second. At most 10,000 connections,
 * well below the process's file limit, so the database connections always have room.
 */
export const SERVER_OPTIES: ServerOptions = {
  headersTimeout: 10_000,
  requestTimeout: 30_000,
  keepAliveTimeout: 5_000,
  connectionsCheckingInterval: 1_000,
};
export const MAX_VERBINDINGEN = 10_000;

type Adapter = {
  createRemixRequest: (req: ExpressRequest, res: Response) => Request;
  sendRemixResponse: (res: Response, response: globalThis.Response) => Promise<void>;
};
const adapter = remixExpress as unknown as Partial<Adapter> & { default?: Adapter };
// A CommonJS module seen from ESM: its exports may sit on `default`.
const { createRemixRequest, sendRemixResponse } = (adapter.createRemixRequest ? adapter : adapter.default!) as Adapter;

const ZONDER_BODY = new Set(["GET", "HEAD"]);

function teGroot(req: ExpressRequest, res: Response) {
  // Nothing of the body is kept: what still comes is read and dropped. The connection is cut a
  // moment after the answer, so the sender stops; cutting it at once could lose the 413 on its way.
  res.once("finish", () => setTimeout(() => req.destroy(), 1_000).unref());
  res.status(413).type("text/plain; charset=utf-8").send("Dit formulier is te groot (maximaal 1 MB).");
}

/**
 * The Remix handler with a bounded body. Remix reads the request body itself, so it is read here
 * first: refused on its Content-Length, and counted while it streams in (a chunked body has no
 * length), never more than MAX_FORMULIER_BYTES in memory. Remix then gets exactly those bytes.
 */
export function begrensdeRemixHandler(
  build: ServerBuild,
  mode: string,
  laadContext: (req: ExpressRequest, res: Response) => AppLoadContext,
) {
  const verwerk = createRequestHandler(build, mode);
  const stuurDoor = async (req: ExpressRequest, res: Response, next: NextFunction, lichaam?: Buffer) => {
    try {
      const basis = createRemixRequest(req, res);
      const verzoek = lichaam ? new Request(basis, { body: new Uint8Array(lichaam) }) : basis;
      const context = laadContext(req, res);
      const antwoord = await verwerk(verzoek, context);
      // A resource route (CSV, calendar, download) that met an absent database gets Remix's bare
      // 500; handleError marked the request, so it becomes the Dutch 503 that pages and the API give.
      await sendRemixResponse(res, context.databaseWeg && antwoord.status === 500 ? onbeschikbaarBestand() : antwoord);
    } catch (e) {
      next(e);
    }
  };
  return (req: ExpressRequest, res: Response, next: NextFunction) => {
    if (ZONDER_BODY.has(req.method)) return void stuurDoor(req, res, next);
    if (Number(req.headers["content-length"] ?? 0) > MAX_FORMULIER_BYTES) {
      req.resume(); // dropped, never buffered
      return teGroot(req, res);
    }
    const delen: Buffer[] = [];
    let totaal = 0;
    let geweigerd = false;
    req.on("data", (deel: Buffer) => {
      if (geweigerd) return;
      totaal += deel.length;
      if (totaal > MAX_FORMULIER_BYTES) {
        geweigerd = true;
        delen.length = 0;
        return teGroot(req, res);
      }
      delen.push(deel);
    });
    req.on("end", () => {
      if (!geweigerd) void stuurDoor(req, res, next, Buffer.concat(delen));
    });
    req.on("error", (e) => {
      if (!geweigerd) next(e);
    });
  };
}
