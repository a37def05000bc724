import { createServer } from "node:http";
import { Server } from "socket.io";

/**
 * The baseline: a bare socket.io server that relays one emit, triggered over HTTP like an offer
 * submission, to every connected socket. Nothing else: no database, no auth, no rooms.
 */
const http = createServer((req, res) => {
  if (req.method !== "POST" || req.url !== "/emit") { res.writeHead(404).end(); return; }
  let body = "";
  req.on("data", (d) => (body += d));
  req.on("end", () => {
    io.emit("live", JSON.parse(body));
    res.writeHead(204).end();
  });
});
const io = new Server(http, { serveClient: false, transports: ["websocket"] });
http.listen(0, "127.0.0.1", () => {
  const adres = http.address();
  console.log(`KAAL_READY port=${typeof adres === "object" && adres ? adres.port : 0}`);
});
