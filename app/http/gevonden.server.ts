import { isDomainError } from "../domain/errors";

/** The 404 page: for an id that does not exist, and for one outside the user's scope alike. */
export const nietGevonden = () => new Response("Niet gevonden", { status: 404 });

/** Loaders: the domain's not_found becomes the 404 page. */
export async function ofNietGevonden<T>(werk: Promise<T>): Promise<T> {
  try {
    return await werk;
  } catch (e) {
    if (isDomainError(e) && e.code === "not_found") throw nietGevonden();
    throw e;
  }
}
