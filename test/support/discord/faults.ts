/**
 * A failure a test scripts for upcoming requests: a 429 to be waited out, or a server error to be retried. A
 * server error `afterServing` lets the request take effect (a message is posted) and loses the answer, as a
 * proxy that times out on its way back does: the client cannot tell whether it was done.
 */
export type Fault = { status: 429; retryAfterSeconds: number; global?: boolean } | { status: 500 | 502 | 503; afterServing?: boolean };

/** Which requests a fault applies to; `path` is matched against the route after `/api/v10`, e.g. `/channels/123/messages`. */
export interface RequestMatch {
  method?: string;
  path: RegExp;
}

export interface FaultInjector {
  failNext(match: RequestMatch, fault: Fault, times: number): void;
  /** The fault this request should get, consuming one use of it. */
  take(method: string, path: string): Fault | undefined;
}

export function createFaultInjector(): FaultInjector {
  const scripted: Array<{ match: RequestMatch; fault: Fault; remaining: number }> = [];
  return {
    failNext(match, fault, times) {
      scripted.push({ match, fault, remaining: times });
    },
    take(method, path) {
      const entry = scripted.find(({ match, remaining }) => remaining > 0 && (!match.method || match.method.toUpperCase() === method) && match.path.test(path));
      if (!entry) return undefined;
      entry.remaining -= 1;
      return entry.fault;
    },
  };
}
