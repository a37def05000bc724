import express, { Router } from "express";
import { actorUitHeaders } from "../auth/session.server";
import { alsOnbeschikbaar, DomainError, isDomainError } from "../domain/errors";
import { authRoutes } from "./auth.server";
import { hulpvraagRoutes } from "./hulpvragen.server";
import { aanbiedingRoutes } from "./aanbiedingen.server";
import { beheerRoutes } from "./beheer.server";
import { keuzeRoutes } from "./keuze.server";
import { toewijzingRoutes } from "./toewijzing.server";
import { privacyRoutes } from "./privacy.server";
import { iwmoRoutes } from "./iwmo.server";
import { personeelRoutes } from "./personeel.server";
import { resultaatRoutes } from "./resultaten.server";
import { registreer, stuurFout, type ApiRoute } from "./http.server";
import { openApiDocument } from "./openapi.server";
import { logboek } from "../logboek.server";

/** Every API route, in one list: the router, the OpenAPI document and the authorization matrix read it. */
export const apiRoutes: ApiRoute[] = [
  ...authRoutes,
  ...hulpvraagRoutes,
  ...aanbiedingRoutes,
  ...beheerRoutes,
  ...keuzeRoutes,
  ...personeelRoutes,
  ...toewijzingRoutes,
  ...privacyRoutes,
  ...iwmoRoutes,
  ...resultaatRoutes,
];

export function apiRouter(): Router {
  const router = Router();
  router.use(express.json({ limit: "200kb" }));
  // iWmo messages arrive as the XML file itself (POST /toewijzingen/:id/berichten).
  router.use(express.text({ type: ["application/xml", "text/xml"], limit: "200kb" }));
  // The API is for machine clients: only a bearer token counts, never a browser cookie (no CSRF surface).
  router.use(async (req, res, next) => {
    try {
      res.locals.actor = (await actorUitHeaders({ authorization: req.headers.authorization })).actor;
      next();
    } catch (e) {
      next(e);
    }
  });
  router.get("/openapi.json", (_req, res) => {
    res.json(openApiDocument(apiRoutes));
  });
  registreer(router, apiRoutes);
  router.use((_req, res) => stuurFout(res, new DomainError("not_found")));
  // Malformed JSON or an oversized body from express.json(): a 4xx in our shape, never a stack trace.
  router.use((err: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => {
    if (isDomainError(err)) return stuurFout(res, err);
    const weg = alsOnbeschikbaar(err);
    if (weg) return stuurFout(res, weg);
    const status = (err as { status?: number }).status;
    if (status === 413)
      return res.status(413).json({
        error: {
          code: "invalid_input",
          message: "Het verzoek is te groot.",
          details: [{ field: "body", message: "Te groot" }],
        },
      });
    if (status && status >= 400 && status < 500) {
      return stuurFout(res, new DomainError("invalid_input", [{ field: "body", message: "Geen geldige JSON." }]));
    }
    logboek.error({ err, method: req.method, pad: req.path }, "API-verzoek mislukt");
    res.status(500).json({ error: { code: "internal", message: "Er ging iets mis aan onze kant.", details: [] } });
  });
  return router;
}
