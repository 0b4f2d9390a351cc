import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export type LocalServer = {
  port: number;
  origin: string;
  hits: string[];
  close: () => Promise<void>;
};

/** A real HTTP server on 127.0.0.1 with routes keyed by path (query ignored); records every request path. */
export async function startServer(routes: Record<string, Handler>): Promise<LocalServer> {
  const hits: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    hits.push(req.url ?? "/");
    const route =
      routes[path] ?? Object.entries(routes).find(([k]) => k.endsWith("*") && path.startsWith(k.slice(0, -1)))?.[1];
    if (!route) {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
      return;
    }
    route(req, res);
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

/** A bare TCP listener that only counts connections: proof that nothing reached a refused address. */
export async function startRecorder(): Promise<{
  port: number;
  connections: () => number;
  close: () => Promise<void>;
}> {
  let count = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    count++;
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
    s.end("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 2\r\n\r\nno");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => count,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

/** Sets PARALLAX_FETCH_ALLOW for the duration of a test; returns the restore function. */
export function allow(...pairs: string[]): () => void {
  const before = process.env.PARALLAX_FETCH_ALLOW;
  process.env.PARALLAX_FETCH_ALLOW = pairs.join(",");
  return () => {
    if (before === undefined) delete process.env.PARALLAX_FETCH_ALLOW;
    else process.env.PARALLAX_FETCH_ALLOW = before;
  };
}

export function html(body: string, status = 200, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(status, { "Content-Type": "text/html; charset=utf-8", ...headers }).end(body);
  };
}

export function redirect(to: string, status = 302): Handler {
  return (_req, res) => {
    res.writeHead(status, { Location: to }).end();
  };
}
