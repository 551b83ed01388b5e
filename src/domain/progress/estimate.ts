/**
 * "About 12 s left" from how long a task has run and how far it got. No estimate until there is
 * enough to go on (2 % done and half a second spent), so early guesses do not jump around.
 */
export function estimateRemainingMs(elapsedMs: number, fraction: number): number | undefined {
  if (!(fraction >= 0.02) || fraction >= 1 || elapsedMs < 500) return undefined;
  return (elapsedMs / fraction) * (1 - fraction);
}

/** Plain words for a remaining time, or '' when there is no estimate. */
export function describeRemaining(ms: number | undefined): string {
  if (ms === undefined) return '';
  if (ms < 1_500) return 'almost done';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `about ${seconds} s left`;
  const minutes = Math.round(seconds / 60);
  return `about ${minutes} min left`;
}

/** Plain words for the time left of a task that ran `elapsedMs` and got `fraction` done. */
export function describeTimeLeft(elapsedMs: number, fraction: number): string {
  return describeRemaining(estimateRemainingMs(elapsedMs, fraction));
}
