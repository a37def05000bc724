import { useEffect, useState } from "react";
import { moment, resterend } from "../format/nl";

/**
 * A deadline with its countdown. The first render uses the server's clock (`nu` from the loader),
 * so server and browser render the same text; after that the browser's clock takes over.
 */
export function Aftellen({ deadline, nu }: { deadline: string; nu: number }) {
  const [tijd, setTijd] = useState(nu);
  useEffect(() => {
    setTijd(Date.now());
    const timer = setInterval(() => setTijd(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <time dateTime={deadline}>
      {moment(deadline)} <span className="zv-meta">({resterend(deadline, tijd)})</span>
    </time>
  );
}
