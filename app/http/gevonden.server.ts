import { isDomainError } from "../domain/errors";

/** Loaders: an id outside the user's scope is the same 404 page as an id that does not exist. */
export async function ofNietGevonden<T>(werk: Promise<T>): Promise<T> {
  try {
    return await werk;
  } catch (e) {
    if (isDomainError(e) && e.code === "not_found") throw new Response("Niet gevonden", { status: 404 });
    throw e;
  }
}
