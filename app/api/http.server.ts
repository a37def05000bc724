import type { Request, Response, Router } from "express";
import type { z } from "zod";
import type { Actor } from "../domain/actor";
import { alsOnbeschikbaar, DomainError, FOUTCODES, isDomainError } from "../domain/errors";
import { parseInvoer } from "../schemas/parse";
import { SLEUTEL } from "../schemas/zod";
import { logboek } from "../logboek.server";

export type ApiVerzoek = {
  actor: Actor | null;
  params: Record<string, string>;
  body: unknown;
  query: Record<string, string | undefined>;
  ip: string;
  /** Parses the body with the route's shared zod schema. */
  invoer<S extends z.ZodType>(schema: S): z.infer<S>;
};

export type ApiAntwoord =
  { status?: number; json: unknown } | { status?: number; bestand: string; contentType: string; bestandsnaam?: string };

export type ApiRoute = {
  method: "get" | "post" | "put" | "patch" | "delete";
  /** Express path below /api/v1. */
  pad: string;
  samenvatting: string;
  /** `publiek` routes work without a token; all others answer 401 without one. */
  publiek?: boolean;
  body?: z.ZodType;
  handler: (v: ApiVerzoek) => Promise<ApiAntwoord | unknown>;
};

export function stuurFout(res: Response, fout: DomainError) {
  if (fout.retryAfterSeconds) res.setHeader("Retry-After", String(fout.retryAfterSeconds));
  res.status(fout.status).json(fout.toJSON());
}

/** Registers routes with one error shape: domain refusals keep their code, anything else is a plain 500. */
export function registreer(router: Router, routes: ApiRoute[]) {
  for (const route of routes) {
    router[route.method](route.pad, async (req: Request, res: Response) => {
      try {
        const actor = (res.locals.actor as Actor | null) ?? null;
        if (!route.publiek && !actor) throw new DomainError("unauthorized");
        // An id in the path is one of ours or it does not exist; odd bytes never reach a query.
        if (Object.values(req.params).some((p) => !SLEUTEL.test(p))) throw new DomainError("not_found");
        const antwoord = await route.handler({
          actor,
          params: req.params as Record<string, string>,
          body: req.body,
          query: Object.fromEntries(
            Object.entries(req.query).map(([k, v]) => [k, typeof v === "string" ? v : undefined]),
          ),
          ip: req.ip ?? "onbekend",
          invoer: (schema) => parseInvoer(schema, req.body ?? {}),
        });
        if (antwoord && typeof antwoord === "object" && "bestand" in antwoord) {
          const a = antwoord as Extract<ApiAntwoord, { bestand: string }>;
          res.status(a.status ?? 200).type(a.contentType);
          if (a.bestandsnaam) res.setHeader("Content-Disposition", `attachment; filename="${a.bestandsnaam}"`);
          res.send(a.bestand);
        } else if (antwoord && typeof antwoord === "object" && "json" in antwoord) {
          const a = antwoord as Extract<ApiAntwoord, { json: unknown }>;
          res.status(a.status ?? 200).json(a.json);
        } else {
          res.status(200).json(antwoord);
        }
      } catch (e) {
        if (isDomainError(e)) return stuurFout(res, e);
        const weg = alsOnbeschikbaar(e);
        if (weg) return stuurFout(res, weg);
        logboek.error({ err: e, method: req.method, pad: req.path }, "API-verzoek mislukt");
        res.status(500).json({
          error: {
            code: "internal",
            message: "Er ging iets mis aan onze kant. Probeer het later opnieuw.",
            details: [],
          },
        });
      }
    });
  }
}

export function foutJson(code: keyof typeof FOUTCODES, details: DomainError["details"] = []) {
  return new DomainError(code, details).toJSON();
}
