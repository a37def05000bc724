import { z } from "zod";
import { FOUTCODES } from "../domain/errors";
import type { ApiRoute } from "./http.server";

const FOUT = {
  type: "object",
  properties: {
    error: {
      type: "object",
      required: ["code", "message", "details"],
      properties: {
        code: { type: "string", enum: Object.keys(FOUTCODES) },
        message: { type: "string" },
        details: {
          type: "array",
          items: {
            type: "object",
            properties: { field: { type: "string" }, message: { type: "string" }, match: { type: "string" } },
          },
        },
      },
    },
  },
};

/** OpenAPI 3.1, generated from the same zod schemas that the forms and the API parse with. */
export function openApiDocument(routes: ApiRoute[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const pad = "/api/v1" + r.pad.replace(/:(\w+)/g, "{$1}");
    const params = [...r.pad.matchAll(/:(\w+)/g)].map((m) => ({
      name: m[1],
      in: "path",
      required: true,
      schema: { type: "string" },
    }));
    paths[pad] ??= {};
    paths[pad][r.method] = {
      summary: r.samenvatting,
      security: r.publiek ? [] : [{ bearer: [] }],
      parameters: params,
      ...(r.body
        ? {
            requestBody: {
              required: true,
              content: {
                "application/json": { schema: z.toJSONSchema(r.body, { io: "input", unrepresentable: "any" }) },
              },
            },
          }
        : {}),
      responses: {
        "200": { description: "Gelukt" },
        "4XX": { description: "Geweigerd; de code zegt waarom.", content: { "application/json": { schema: FOUT } } },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Zorgveiling API",
      version: "1.0.0",
      description: "Vraaggericht inkopen van Wmo-arrangementen. Bedragen in eurocenten, datums als YYYY-MM-DD.",
    },
    servers: [{ url: "/" }],
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
    paths,
  };
}
