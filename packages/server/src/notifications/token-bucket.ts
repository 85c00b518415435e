/**
 * A token bucket on an injected clock: `ratePerMinute` tokens a minute flow in, up to `burst`
 * held at once. Taking a token never waits: the caller learns how many it may take now, and
 * `msUntilAvailable` says when to come back, so nothing blocks the event loop. In any minute at
 * most `burst + ratePerMinute` tokens are taken, and over time `ratePerMinute` a minute.
 */
export interface TokenBucket {
  /** Whole tokens available now. */
  available(): number;
  /** Takes up to `count` tokens; returns how many it took. */
  take(count: number): number;
  /** Puts back tokens taken but not used (never above `burst`). */
  giveBack(count: number): void;
  /** Milliseconds until `count` tokens (default 1, at most `burst`) are available; 0 when they are. */
  msUntilAvailable(count?: number): number;
  /** True when the bucket is full again (a per-domain bucket can then be forgotten). */
  isFull(): boolean;
}

export interface TokenBucketOptions {
  readonly ratePerMinute: number;
  /** Tokens held at most (default `ratePerMinute`): the largest burst. */
  readonly burst?: number;
  readonly clock: () => Date;
}

export const createTokenBucket = ({
  ratePerMinute,
  burst = ratePerMinute,
  clock,
}: TokenBucketOptions): TokenBucket => {
  if (!(ratePerMinute > 0) || !Number.isFinite(ratePerMinute)) {
    throw new TypeError(`ratePerMinute must be a positive number, got ${String(ratePerMinute)}`);
  }
  if (!(burst >= 1) || !Number.isFinite(burst)) {
    throw new TypeError(`burst must be at least 1, got ${String(burst)}`);
  }
  const perMs = ratePerMinute / 60_000;
  let tokens = burst;
  let updatedAt = clock().getTime();

  const refill = (): void => {
    const now = clock().getTime();
    // A clock that goes backwards adds nothing (and never takes tokens away).
    if (now > updatedAt) tokens = Math.min(burst, tokens + (now - updatedAt) * perMs);
    updatedAt = Math.max(updatedAt, now);
  };

  return {
    available: () => {
      refill();
      return Math.floor(tokens);
    },
    take: (count) => {
      refill();
      const taken = Math.max(0, Math.min(Math.floor(count), Math.floor(tokens)));
      tokens -= taken;
      return taken;
    },
    giveBack: (count) => {
      refill();
      tokens = Math.min(burst, tokens + Math.max(0, count));
    },
    msUntilAvailable: (count = 1) => {
      refill();
      const wanted = Math.min(Math.max(1, count), burst);
      return tokens >= wanted ? 0 : Math.ceil((wanted - tokens) / perMs);
    },
    isFull: () => {
      refill();
      return tokens >= burst;
    },
  };
};
