/**
 * What a recognised log line says about proxy sessions and licences. `at` is epoch milliseconds (NaN when the
 * line carried no timestamp, e.g. the Message column alone); users are `DIRECTORY\id` as Qlik writes them.
 */
export type LogEvent =
  | {
      readonly kind: 'session-opened';
      readonly at: number;
      readonly user: string | null;
      readonly sessionId: string | null;
      /** Which line said so: AuditActivity_Proxy `Start session`, AuditSecurity_Proxy `Login`, Audit_Proxy `got session`. */
      readonly via: 'start' | 'login' | 'got-session';
      readonly client: string | null;
      readonly context: string | null;
      /** The proxy node (Hostname column) when the line has one. */
      readonly node: string | null;
    }
  | {
      readonly kind: 'session-closed';
      readonly at: number;
      readonly user: string | null;
      readonly sessionId: string;
      /** `stop`: Stop session or `all dependents have been deleted`; `timeout`: deleted due to inactivity. */
      readonly via: 'stop' | 'timeout';
    }
  /** The proxy service of a node stopped or started: every session it held is gone (they live in its memory). */
  | {
      readonly kind: 'proxy-restart';
      readonly at: number;
      readonly node: string | null;
      readonly phase: 'stopped' | 'started';
    }
  | {
      readonly kind: 'license-granted';
      readonly at: number;
      readonly user: string;
      readonly sessionId: string | null;
      readonly sessionCount: number | null;
      readonly client: string | null;
    }
  | { readonly kind: 'license-allocated'; readonly at: number; readonly user: string }
  | {
      readonly kind: 'license-denied';
      readonly at: number;
      readonly user: string | null;
      readonly sessionId: string | null;
      readonly sessionCount: number | null;
      readonly client: string | null;
      /** `limit`: denied with a SessionCount (too many sessions); `no-access-pass`: no licence to hand out. */
      readonly reason: 'limit' | 'no-access-pass';
    }
  | { readonly kind: 'session-invalid'; readonly at: number; readonly user: string | null; readonly sessionId: string }
  | {
      readonly kind: 'user-agent';
      readonly at: number;
      readonly user: string | null;
      readonly sessionId: string;
      readonly userAgent: string;
    }
  | {
      readonly kind: 'reload';
      readonly taskName: string;
      readonly start: number;
      readonly stop: number;
      readonly status: string;
    }
  | { readonly kind: 'service-user'; readonly user: string };

export type LogEventKind = LogEvent['kind'];
