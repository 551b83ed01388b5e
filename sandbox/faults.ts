/**
 * Fault injection rules, e.g. `status:503:0.2,latency:200,drop:imports:0.1`.
 *
 * A spec is a comma-separated list of rules `name:arg:arg...`. The arguments of a rule may come
 * in any order because each is recognised by its form:
 * - a number from 0 to 1 is the share of requests the rule hits (default 1);
 * - a path kind (`workspaces`, `resources`, `imports`, `contacts`) limits the rule to it;
 * - for `status`, a code from 500 to 599 (required); for `latency`, milliseconds (required).
 */
import { PATH_KINDS, type PathKind } from './wire.ts';

export type FaultRule =
  | {
      readonly type: 'status';
      readonly status: number;
      readonly share: number;
      readonly kind?: PathKind;
    }
  | { readonly type: 'latency'; readonly ms: number; readonly kind?: PathKind }
  | { readonly type: 'drop'; readonly share: number; readonly kind?: PathKind };

export interface ParsedFaults {
  readonly rules: FaultRule[];
  readonly problems: string[];
}

const isKind = (arg: string): arg is PathKind => (PATH_KINDS as string[]).includes(arg);
const isNumber = (arg: string) => /^\d+(\.\d+)?$/.test(arg);

function parseRule(text: string): FaultRule | string {
  const [name = '', ...args] = text.split(':').map((part) => part.trim());
  let kind: PathKind | undefined;
  let share: number | undefined;
  let whole: number | undefined;
  for (const arg of args) {
    if (isKind(arg)) kind = arg;
    else if (isNumber(arg) && Number(arg) <= 1 && name !== 'latency') share = Number(arg);
    else if (/^\d+$/.test(arg)) whole = Number(arg);
    else return `"${text}": unknown argument "${arg}"`;
  }
  const scope = kind ? { kind } : {};
  switch (name) {
    case 'status':
      if (whole === undefined || whole < 500 || whole > 599)
        return `"${text}": status needs a code from 500 to 599`;
      return { type: 'status', status: whole, share: share ?? 1, ...scope };
    case 'latency':
      if (whole === undefined) return `"${text}": latency needs milliseconds`;
      return { type: 'latency', ms: whole, ...scope };
    case 'drop':
      if (whole !== undefined) return `"${text}": drop takes a share from 0 to 1`;
      return { type: 'drop', share: share ?? 1, ...scope };
    default:
      return `"${text}": unknown rule "${name}" (status, latency or drop)`;
  }
}

/** Parses a fault spec; problems are returned, not thrown, so config endpoints can answer 400. */
export function parseFaults(spec: string): ParsedFaults {
  const rules: FaultRule[] = [];
  const problems: string[] = [];
  for (const text of spec.split(',').map((part) => part.trim())) {
    if (!text) continue;
    const rule = parseRule(text);
    if (typeof rule === 'string') problems.push(rule);
    else rules.push(rule);
  }
  return { rules, problems };
}

export type FaultOutcome =
  | { readonly action: 'none'; readonly latencyMs: number }
  | { readonly action: 'status'; readonly status: number; readonly latencyMs: number }
  | { readonly action: 'drop'; readonly latencyMs: number };

/**
 * What the rules do to one request of `kind`: latencies add up; the first drop or status rule
 * whose dice hit decides the answer. `random` is injectable so tests are deterministic.
 */
export function decideFault(
  rules: readonly FaultRule[],
  kind: PathKind | undefined,
  random: () => number = Math.random,
): FaultOutcome {
  let latencyMs = 0;
  let outcome: FaultOutcome | undefined;
  for (const rule of rules) {
    if (rule.kind && rule.kind !== kind) continue;
    if (rule.type === 'latency') latencyMs += rule.ms;
    else if (!outcome && random() < rule.share)
      outcome =
        rule.type === 'drop'
          ? { action: 'drop', latencyMs: 0 }
          : { action: 'status', status: rule.status, latencyMs: 0 };
  }
  return outcome ? { ...outcome, latencyMs } : { action: 'none', latencyMs };
}
