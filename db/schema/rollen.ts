/** Plain lists (no drizzle), so that zod schemas shared with the browser can use them. */
export const ROLLEN = ["beheerder", "consulent", "aanbieder", "toezichthouder", "aanbieder-beheerder"] as const;
export type Rol = (typeof ROLLEN)[number];
/** Who belongs to a gemeente and who to an aanbieder: a user never crosses from one to the other. */
export const GEMEENTE_ROLLEN = ["beheerder", "consulent", "toezichthouder"] as const satisfies readonly Rol[];
export const AANBIEDER_ROLLEN = ["aanbieder", "aanbieder-beheerder"] as const satisfies readonly Rol[];
