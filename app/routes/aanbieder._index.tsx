import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { vereisGebruiker } from "../auth/guards.server";

export const meta: MetaFunction = () => [{ title: "Open hulpvragen — Zorgveiling" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  vereisGebruiker(context, request, "aanbieder");
  return null;
}

export default function Start() {
  return <h1 className="utrecht-heading-1">Open hulpvragen</h1>;
}
