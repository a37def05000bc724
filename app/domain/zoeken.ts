/** A search term as an ILIKE pattern that finds it anywhere, literally: `%` and `_` typed by a person are text, not wildcards. */
export const bevat = (term: string) => `%${term.replace(/[%_\\]/g, "\\$&")}%`;
