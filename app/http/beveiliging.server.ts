import type { NextFunction, Request, Response } from "express";

/** Headers for every response. Pages with personal data are never cached. */
export function beveiligingsHeaders(req: Request, res: Response, next: NextFunction) {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  if (req.secure) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  if (!req.path.startsWith("/build/")) res.setHeader("Cache-Control", "no-store");
  next();
}

const VEILIG = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Our own origin as the request reached us: scheme and host. X-Forwarded-Host and -Proto count
 * only from a proxy named in TRUST_PROXY (Express's req.protocol follows the same setting).
 */
export function eigenOrigin(req: Request): string {
  const vertrouwd = (req.app.get("trust proxy fn") as (adres: string, i: number) => boolean)(
    req.socket.remoteAddress ?? "",
    0,
  );
  const doorgestuurd = req.headers["x-forwarded-host"];
  const host = vertrouwd && typeof doorgestuurd === "string" ? doorgestuurd.split(",")[0].trim() : req.headers.host;
  return `${req.protocol}://${host}`;
}

/** CSRF: besides SameSite cookies, a state-changing form post must come from our own origin (scheme and host). */
export function controleerHerkomst(req: Request, res: Response, next: NextFunction) {
  if (VEILIG.has(req.method)) return next();
  const origin = req.headers.origin;
  if (origin) {
    try {
      if (new URL(origin).origin === new URL(eigenOrigin(req)).origin) return next();
    } catch {
      /* fall through to refusal */
    }
    res.status(403).type("text/plain; charset=utf-8").send("Dit formulier komt niet van Zorgveiling en is geweigerd.");
    return;
  }
  // Browsers always send Origin on a form post; a request without one is not from a page of ours.
  const fetchSite = req.headers["sec-fetch-site"];
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") {
    res.status(403).type("text/plain; charset=utf-8").send("Dit formulier komt niet van Zorgveiling en is geweigerd.");
    return;
  }
  next();
}
