import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { vereisGebruiker } from "../auth/guards.server";

export const meta: MetaFunction = () => [{ title: "Hulpvragen — Zorgveiling" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  vereisGebruiker(context, request, "consulent");
  return null;
}

export default function ConsulentStart() {
  return <h1 className="utrecht-heading-1">Hulpvragen</h1>;
}
