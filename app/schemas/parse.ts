import type { z } from "zod";
import { DomainError, type FoutDetail } from "../domain/errors";

export function zodDetails(error: z.ZodError): FoutDetail[] {
  return error.issues.map((i) => ({ field: i.path.join(".") || "body", message: i.message }));
}

/** Parses input with the shared schema or refuses it as `invalid_input`, naming each wrong field. */
export function parseInvoer<S extends z.ZodType>(schema: S, invoer: unknown): z.infer<S> {
  const uitkomst = schema.safeParse(invoer);
  if (!uitkomst.success) throw new DomainError("invalid_input", zodDetails(uitkomst.error));
  return uitkomst.data;
}
