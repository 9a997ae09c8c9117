/** The sandbox's notion of time: a base clock plus an offset tests can push forward. */
export class Clock {
  private offsetMs = 0;
  constructor(private readonly base: () => number = Date.now) {}
  now(): number {
    return this.base() + this.offsetMs;
  }
  advance(seconds: number): void {
    // Time only moves forward: expiry and event order must never run backwards.
    if (seconds > 0) this.offsetMs += seconds * 1000;
  }
}
