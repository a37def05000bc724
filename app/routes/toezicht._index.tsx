import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { vereisGebruiker } from "../auth/guards.server";

export const meta: MetaFunction = () => [{ title: "Toezicht — Zorgveiling" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  vereisGebruiker(context, request, "toezichthouder");
  return null;
}

export default function Start() {
  return <h1 className="utrecht-heading-1">Toezicht</h1>;
}
