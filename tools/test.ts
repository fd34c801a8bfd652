/**
 * `npm test`: every check the project has, in the order a failure is cheapest to explain, then one
 * closing line counting the tests that ran ("ledgerlight: N passed, N failed, N skipped").
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

interface Step {
  name: string;
  command: string;
  /** Vitest steps write a JSON report that the closing line adds up. */
  report?: string;
}

const REPORTS = 'test-results';
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });
const vitest = (name: string, config = '') => ({
  name,
  report: `${REPORTS}/${name}.json`,
  command: `npx vitest run ${config} --reporter=default --reporter=json --outputFile.json=${REPORTS}/${name}.json`,
});

const steps: Step[] = [
  { name: 'typecheck', command: 'npx tsc --noEmit' },
  { name: 'data', command: 'npm run --silent data:check' },
  vitest('unit'),
  { name: 'build', command: 'npm run --silent build && npm run --silent build:firefox' },
  { name: 'firefox lint', command: 'npm run --silent lint:firefox' },
  vitest('e2e', '-c vitest.e2e.config.ts'),
];

const failedSteps: string[] = [];
for (const step of steps) {
  console.log(`\n▶ ${step.name}: ${step.command}`);
  const started = Date.now();
  const run = spawnSync(step.command, { shell: true, stdio: 'inherit' });
  console.log(`◀ ${step.name} ${run.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (run.status !== 0) failedSteps.push(step.name);
  // Later steps need a build; without one they would only repeat the failure.
  if (run.status !== 0 && step.name === 'build') break;
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const step of steps) {
  if (!step.report || !existsSync(step.report)) continue;
  const result = JSON.parse(readFileSync(step.report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  passed += result.numPassedTests;
  failed += result.numFailedTests;
  skipped += result.numPendingTests + result.numTodoTests;
}
// A failing step without its own test count (typecheck, data, build, lint) counts as one failed check.
failed += failedSteps.filter((name) => !steps.find((s) => s.name === name)?.report).length;
if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
console.log(`ledgerlight: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failedSteps.length || failed ? 1 : 0);
