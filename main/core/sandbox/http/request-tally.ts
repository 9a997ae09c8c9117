/**
 * The sandbox's request log, for rate and cost figures (GET /_sandbox/stats/requests): every
 * API request that got past sign-in, counted per second of arrival (real time, not the
 * sandbox's clock) with how many the rate limit refused, and per route ("PUT /2.0/files/:id").
 * Counts only: no ids, no tokens, no bodies.
 */

interface Second {
  requests: number;
  rateLimited: number;
}

/** Seconds kept: an hour of a rate figure is more than any test or bench measures. */
const SECONDS_KEPT = 3600;

export class RequestTally {
  private readonly seconds = new Map<number, Second>();
  private readonly routes = new Map<string, number>();
  private total = 0;
  private rateLimited = 0;

  add(method: string, path: string, rateLimited: boolean, at = Date.now()): void {
    const second = Math.floor(at / 1000);
    const s = this.seconds.get(second) ?? { requests: 0, rateLimited: 0 };
    s.requests++;
    if (rateLimited) s.rateLimited++;
    this.seconds.set(second, s);
    if (this.seconds.size > SECONDS_KEPT) this.seconds.delete(this.seconds.keys().next().value as number);
    const route = `${method} ${path.replace(/\/\d+(?=\/|$)/g, '/:id')}`;
    this.routes.set(route, (this.routes.get(route) ?? 0) + 1);
    this.total++;
    if (rateLimited) this.rateLimited++;
  }

  json(): Record<string, unknown> {
    return {
      total: this.total,
      rate_limited: this.rateLimited,
      by_route: Object.fromEntries(this.routes),
      per_second: [...this.seconds].map(([second, s]) => ({
        second,
        requests: s.requests,
        rate_limited: s.rateLimited,
      })),
    };
  }
}
