import { describe, expect, it } from 'vitest';
import { decideFault, parseFaults } from './faults.ts';

describe('parseFaults', () => {
  it.each([
    ['', []],
    ['status:503:0.2', [{ type: 'status', status: 503, share: 0.2 }]],
    ['status:500', [{ type: 'status', status: 500, share: 1 }]],
    ['latency:200', [{ type: 'latency', ms: 200 }]],
    ['drop:imports:0.1', [{ type: 'drop', share: 0.1, kind: 'imports' }]],
    ['drop:0.1:imports', [{ type: 'drop', share: 0.1, kind: 'imports' }]],
    [
      'status:503:0.2, latency:200 ,drop:imports:0.1',
      [
        { type: 'status', status: 503, share: 0.2 },
        { type: 'latency', ms: 200 },
        { type: 'drop', share: 0.1, kind: 'imports' },
      ],
    ],
  ])('reads %j', (spec, rules) => {
    expect(parseFaults(spec)).toEqual({ rules, problems: [] });
  });

  it.each([
    ['status:200', '500 to 599'],
    ['status', '500 to 599'],
    ['latency', 'milliseconds'],
    ['drop:503', 'share'],
    ['explode:1', 'unknown rule'],
    ['status:503:users', 'unknown argument'],
  ])('reports %j as a problem', (spec, text) => {
    const { rules, problems } = parseFaults(spec);
    expect(rules).toEqual([]);
    expect(problems[0]).toContain(text);
  });
});

describe('decideFault', () => {
  const { rules } = parseFaults('latency:50,latency:25:contacts,status:503:0.5,drop:imports');

  it('adds the latencies that apply and rolls the dice per rule', () => {
    expect(decideFault(rules, 'contacts', () => 0.9)).toEqual({ action: 'none', latencyMs: 75 });
    expect(decideFault(rules, 'workspaces', () => 0.1)).toEqual({
      action: 'status',
      status: 503,
      latencyMs: 50,
    });
  });

  it('limits a rule to its path kind', () => {
    expect(decideFault(rules, 'imports', () => 0.9)).toEqual({ action: 'drop', latencyMs: 50 });
    expect(decideFault(rules, 'resources', () => 0.9).action).toBe('none');
  });
});
