import { beeindigSessie, meldAan } from "../auth/session.server";
import { InlogSchema } from "../schemas/auth";
import type { ApiRoute } from "./http.server";

export const authRoutes: ApiRoute[] = [
  {
    method: "post",
    pad: "/auth/token",
    samenvatting: "Vraag een API-token aan met e-mailadres en wachtwoord.",
    publiek: true,
    body: InlogSchema,
    handler: async (v) => {
      const { email, password } = v.invoer(InlogSchema);
      const sessie = await meldAan(email, password, v.ip, "api");
      return { json: { token: sessie.sessieId, role: sessie.rol, expiresAt: sessie.expiresAt.toISOString() } };
    },
  },
  {
    method: "delete",
    pad: "/auth/token",
    samenvatting: "Trek het gebruikte API-token in.",
    handler: async (v) => {
      // A client's invite session is a bearer token too: "revoked" must be true for it as well.
      if (v.actor) await beeindigSessie(v.actor);
      return { status: 200, json: { revoked: true } };
    },
  },
  {
    method: "get",
    pad: "/me",
    samenvatting: "Wie is aangemeld met dit token.",
    handler: async (v) => {
      const a = v.actor!;
      if (a.soort === "gebruiker")
        return {
          json: {
            id: a.id,
            email: a.email,
            naam: a.naam,
            role: a.rol,
            gemeenteId: a.gemeenteId,
            aanbiederId: a.aanbiederId,
          },
        };
      if (a.soort === "client") return { json: { role: "client", requestId: a.hulpvraagId } };
      return { json: {} };
    },
  },
];
