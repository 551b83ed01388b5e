/**
 * The walls between the app's rooms are ESLint rules (eslint.config.js): a step reaching into
 * another step's folder, the worker importing the UI, or the sandbox importing the app's layers
 * fails `npm run lint`. Each wall is tried with a deliberate import.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function ruleIdsFor(filePath: string, code: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId);
}

describe('the walls between rooms', () => {
  it.each([
    [
      'a step importing another step',
      'src/wizard/result/x.tsx',
      "import { ReviewStep } from '../review-rows/review-step';",
    ],
    [
      'a step importing another step’s helper',
      'src/wizard/review-rows/x.ts',
      "import { openingMapping } from '../match-columns/column-samples';",
    ],
    [
      'the worker importing the UI',
      'src/worker/x.ts',
      "import { Wizard } from '../wizard/wizard';",
    ],
    [
      'the engine importing the UI',
      'src/submission/x.ts',
      "import { SendingStep } from '../wizard/sending/sending-step';",
    ],
    ['an API call importing the app', 'src/api/x.ts', "import { App } from '../app/app';"],
    [
      'the sandbox importing the worker',
      'sandbox/x.ts',
      "import { IntakeClient } from '../src/worker/intake-client';",
    ],
    ['the domain importing React', 'src/domain/x.ts', "import { useState } from 'react';"],
  ])('%s fails lint', { timeout: 30_000 }, async (_what, filePath, code) => {
    expect(
      await ruleIdsFor(
        filePath,
        `${code}\nexport const used = [${code.match(/\{ (\w+) \}/)?.[1]}];\n`,
      ),
    ).toContain('no-restricted-imports');
  });

  it.each([
    [
      'a step importing the shared pieces',
      'src/wizard/result/x.tsx',
      "import { RowAccounting } from '../shared/row-accounting';",
    ],
    [
      'the sandbox importing the domain',
      'sandbox/x.ts',
      "import { matchKeysOf } from '../src/domain/whispir/match-rule';",
    ],
    [
      'the worker importing the domain',
      'src/worker/x.ts',
      "import { mappingSignature } from '../domain/mapping/mapping';",
    ],
  ])('%s is allowed', { timeout: 30_000 }, async (_what, filePath, code) => {
    expect(
      await ruleIdsFor(
        filePath,
        `${code}\nexport const used = [${code.match(/\{ (\w+) \}/)?.[1]}];\n`,
      ),
    ).not.toContain('no-restricted-imports');
  });
});
