// Sums the Vitest and Playwright JSON reports into the one line CI reads: "N passed, N failed".
// A missing report counts as one failure, so a runner that never ran cannot look green.
import { existsSync, readFileSync } from 'node:fs';

const [unitPath, e2ePath] = process.argv.slice(2);
let passed = 0;
let failed = 0;

if (unitPath && existsSync(unitPath)) {
  const unit = JSON.parse(readFileSync(unitPath, 'utf8'));
  passed += unit.numPassedTests ?? 0;
  failed +=
    (unit.numFailedTests ?? 0) +
    (unit.numTotalTestSuites > 0 && unit.success === false && !unit.numFailedTests ? 1 : 0);
} else {
  console.log(`no unit test report at ${unitPath}`);
  failed += 1;
}

if (e2ePath && existsSync(e2ePath)) {
  const e2e = JSON.parse(readFileSync(e2ePath, 'utf8'));
  const stats = e2e.stats ?? {};
  passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  failed += stats.unexpected ?? 0;
  if ((e2e.errors ?? []).length > 0) failed += 1;
} else {
  console.log(`no browser test report at ${e2ePath}`);
  failed += 1;
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
