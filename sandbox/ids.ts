/** New ids in Whispir's shapes (Part A §12): workspaces 16 uppercase hex, the rest 32. */
import { randomBytes, randomUUID } from 'node:crypto';

export const newWorkspaceId = (): string => randomBytes(8).toString('hex').toUpperCase();

/** Resource and import ids. */
export const newLongId = (): string => randomUUID().replace(/-/g, '').toUpperCase();

let contactCounter = BigInt(Date.now()) * 1_000_000n;
const contactSalt = randomBytes(6).toString('hex').toUpperCase();

/**
 * Contact ids grow monotonically (a clock-seeded counter, then a per-process salt), so a million
 * inserts append to the primary key instead of scattering writes across it, and id order is
 * creation order. Clients treat ids as opaque anyway.
 */
export function newContactId(): string {
  contactCounter += 1n;
  return `${contactCounter.toString(16).toUpperCase().padStart(20, '0')}${contactSalt}`;
}
