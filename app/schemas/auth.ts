import { z } from "./zod";

export const InlogSchema = z
  .object({
    email: z
      .string({ error: "Vul uw e-mailadres in." })
      .trim()
      .toLowerCase()
      .pipe(z.email({ error: "Vul een geldig e-mailadres in." })),
    password: z.string({ error: "Vul uw wachtwoord in." }).min(1, { error: "Vul uw wachtwoord in." }).max(200),
  })
  .strict();
