import { nietGevonden } from "../http/gevonden.server";

export async function loader() {
  throw nietGevonden();
}

export default function NietGevonden() {
  return null;
}
