import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { vereisGebruiker } from "../auth/guards.server";
import { AgendaAdres } from "../components/AgendaAdres";
import { maakAgendaAdres } from "../domain/agenda.server";

export const meta: MetaFunction = () => [{ title: "Agenda — Zorgveiling" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  vereisGebruiker(context, request, "consulent");
  return json({});
}

export async function action({ context, request }: ActionFunctionArgs) {
  const actor = vereisGebruiker(context, request, "consulent");
  return json({ agenda: await maakAgendaAdres(actor) });
}

export default function Agenda() {
  const uitkomst = useActionData<typeof action>();
  return (
    <>
      <h1 className="utrecht-heading-1">Agenda</h1>
      <AgendaAdres
        url={uitkomst?.agenda.url}
        uitleg="De reactietermijnen van uw open hulpvragen en de data waarop u gunde, in uw eigen agenda."
      />
    </>
  );
}
