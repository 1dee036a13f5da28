import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkReadiness, type ReadinessCheck } from './readiness.js';

/** A GET route: the same shape the Slack adapter serves beside /slack/events in HTTP mode. */
export interface HealthRoute {
  readonly path: string;
  readonly handler: (request: IncomingMessage, response: ServerResponse) => void;
}

export interface HealthRoutesOptions {
  readonly checks: readonly ReadinessCheck[];
  /** Prometheus text for /metrics; no /metrics route without it. */
  readonly metrics?: { readonly contentType: string; render(): Promise<string> };
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response
    .writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
    .end(JSON.stringify(body));
}

/** `/healthz`: the process answers. `/readyz`: every check passes (503 with the failing ones otherwise). `/metrics`. */
export function healthRoutes(options: HealthRoutesOptions): HealthRoute[] {
  const routes: HealthRoute[] = [
    { path: '/healthz', handler: (_request, response) => json(response, 200, { ok: true }) },
    {
      path: '/readyz',
      handler: (_request, response) => {
        void checkReadiness(options.checks).then(
          (report) => json(response, report.ready ? 200 : 503, { ok: report.ready, checks: report.checks }),
          () => json(response, 503, { ok: false }),
        );
      },
    },
  ];
  const { metrics } = options;
  if (metrics !== undefined) {
    routes.push({
      path: '/metrics',
      handler: (_request, response) => {
        void metrics.render().then(
          (text) => response.writeHead(200, { 'content-type': metrics.contentType }).end(text),
          () => response.writeHead(500).end(),
        );
      },
    });
  }
  return routes;
}
