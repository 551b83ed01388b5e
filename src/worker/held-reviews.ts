/**
 * The reviews the worker holds: the current one, and the last one the user changed while
 * another mapping is tried (the mapping step checks each mapping in the background), so going
 * back to its mapping finds the edits, fixes and skips again.
 */
import type { ReviewSession } from './review-session';

export class HeldReviews {
  private current: ReviewSession | undefined;
  private changed: ReviewSession | undefined;

  get review(): ReviewSession | undefined {
    return this.current;
  }

  /**
   * The review of a mapping (by its signature), made current; undefined when none is held. The
   * one set aside is given back only while the current review holds no work of its own: work
   * done since (carried over from it, or added) lives in the current one and carries on from it.
   */
  find(signature: string): ReviewSession | undefined {
    if (this.current?.mappingSignature === signature) return this.current;
    if (this.changed?.mappingSignature !== signature || this.current?.hasWork()) return undefined;
    const found = this.changed;
    this.changed = this.current?.hasChanges() ? this.current : undefined;
    this.current = found;
    return found;
  }

  /** The review whose work a new mapping's review takes over: the latest with any work. */
  donor(): ReviewSession | undefined {
    if (this.current?.hasWork()) return this.current;
    return this.changed;
  }

  /** A new review becomes current; the one it replaces is kept if the user changed it. */
  hold(review: ReviewSession): void {
    if (this.current?.hasChanges()) this.changed = this.current;
    this.current = review;
  }

  /** The file was read again: no review holds any more. */
  clear(): void {
    this.current = undefined;
    this.changed = undefined;
  }
}
