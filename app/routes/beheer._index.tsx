import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { vereisGebruiker } from "../auth/guards.server";

export const meta: MetaFunction = () => [{ title: "Beheer van de markt — Zorgveiling" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  vereisGebruiker(context, request, "beheerder");
  return null;
}

export default function Start() {
  return <h1 className="utrecht-heading-1">Beheer van de markt</h1>;
}
