import { z } from "zod";

// Dutch messages by default for every schema, in the browser bundle and on the server.
z.config(z.locales.nl());

export { z };
