import { createServer, type Server } from 'node:http';
import type { HealthRoute } from './health-routes.js';

export interface HealthServer {
  readonly port: number;
  close(): Promise<void>;
}

/** Socket Mode has no HTTP server of its own: the health routes get one on HEALTH_PORT (GET and HEAD only). */
export async function startHealthServer(
  routes: readonly HealthRoute[],
  port: number,
  host?: string,
): Promise<HealthServer> {
  const byPath = new Map(routes.map((route) => [route.path, route]));
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const route = byPath.get(path);
    if (route === undefined) {
      response
        .writeHead(404, { 'content-type': 'application/json' })
        .end(JSON.stringify({ ok: false, error: `no route ${path}` }));
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    route.handler(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address !== null ? address.port : port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
