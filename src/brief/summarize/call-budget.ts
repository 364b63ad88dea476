const HOUR_MS = 60 * 60 * 1000;

/** A cap on requests over any sliding hour, so a burst of new articles cannot run up a bill or swamp a local model. */
export interface CallBudget {
  /** Spends one call and says true, or says false when the last hour already used them all. */
  take(): boolean;
}

export function createCallBudget(maxCallsPerHour: number, now: () => number): CallBudget {
  const spentAt: number[] = [];
  return {
    take() {
      const current = now();
      while (spentAt.length > 0 && (spentAt[0] ?? current) <= current - HOUR_MS) spentAt.shift();
      if (spentAt.length >= maxCallsPerHour) return false;
      spentAt.push(current);
      return true;
    },
  };
}
