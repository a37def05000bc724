export async function loader() {
  throw new Response("Niet gevonden", { status: 404 });
}

export default function NietGevonden() {
  return null;
}
