import type { RefObject } from 'react';

/** Every step renders its own h2 with this ref, so the wizard can focus it on arrival. */
export interface StepHeading {
  readonly headingRef: RefObject<HTMLHeadingElement | null>;
}
