/**
 * `npm run privacy:opschonen`: pseudonymises the client records past their gemeente's retention
 * term, against DATABASE_URL or, like server.ts, the embedded PostgreSQL in DATA_DIR. The server
 * clock runs the same function daily; this is for an operator who wants it now.
 */
import { pseudonimiseerVerlopenClienten } from "../app/domain/bewaartermijn.server";
import { voerUitOpDatabase } from "./opdracht";

await voerUitOpDatabase("Het opschonen kon niet worden uitgevoerd", async () => {
  const { gepseudonimiseerd } = await pseudonimiseerVerlopenClienten();
  console.log(
    gepseudonimiseerd.length === 0
      ? "Geen cliënten voorbij de bewaartermijn."
      : `${gepseudonimiseerd.length} cliënt(en) gepseudonimiseerd: ${gepseudonimiseerd.join(", ")}`,
  );
  return 0;
});
