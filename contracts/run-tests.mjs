#!/usr/bin/env node
/*
 * `npm run test:pact`: every contracts/test/*.pact.test.ts in its own vitest process (one process
 * with several Pact mock servers or verifiers races), then one vitest-style JSON summary of all of
 * them: `$TEST_RESULTS_DIR/vitest-test-pact.json` when TEST_RESULTS_DIR is set (as in CI, where
 * the reports of every vitest invocation are summed), else test-results/pact.json, or the file
 * given with --json FILE. Exit code 0 only when every file passed and at least one test ran.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const at = process.argv.indexOf('--json');
const resultsDir = process.env.TEST_RESULTS_DIR;
const defaultOut = resultsDir ? join(resultsDir, 'vitest-test-pact.json') : 'test-results/pact.json';
const out = resolve(root, at > 0 && process.argv[at + 1] ? process.argv[at + 1] : defaultOut);
mkdirSync(dirname(out), { recursive: true });
// The per-file reports stay out of the results folder, so that only the summary is summed.
const partsDir = mkdtempSync(join(tmpdir(), 'koomock-pact-tests-'));

const files = readdirSync(join(root, 'contracts', 'test')).filter((f) => f.endsWith('.pact.test.ts')).sort();
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
let failedRuns = 0;
for (const file of files) {
  const json = join(partsDir, `${file.replace(/\.pact\.test\.ts$/, '')}.json`);
  const run = spawnSync(
    process.execPath,
    [vitest, 'run', '--config', 'contracts/vitest.config.ts', `contracts/test/${file}`, '--reporter=default', '--reporter=json', `--outputFile.json=${json}`],
    { cwd: root, stdio: 'inherit', env: { ...process.env, PACT_DO_NOT_TRACK: 'true', TEST_RESULTS_DIR: '' } },
  );
  if (run.status !== 0) failedRuns += 1;
}

const sum = { numTotalTestSuites: 0, numPassedTestSuites: 0, numFailedTestSuites: 0, numPendingTestSuites: 0, numTotalTests: 0, numPassedTests: 0, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0 };
const testResults = [];
for (const file of files) {
  let part;
  try {
    part = JSON.parse(readFileSync(join(partsDir, `${file.replace(/\.pact\.test\.ts$/, '')}.json`), 'utf8'));
  } catch {
    sum.numTotalTestSuites += 1;
    sum.numFailedTestSuites += 1;
    continue;
  }
  for (const k of Object.keys(sum)) sum[k] += part[k] ?? 0;
  testResults.push(...(part.testResults ?? []));
}
const success = failedRuns === 0 && sum.numFailedTests === 0 && sum.numFailedTestSuites === 0 && sum.numTotalTests > 0;
writeFileSync(out, `${JSON.stringify({ ...sum, startTime: Date.now(), success, testResults }, null, 1)}\n`);
rmSync(partsDir, { recursive: true, force: true });
console.log(`pact tests: ${sum.numPassedTests} passed, ${sum.numFailedTests} failed (${files.length} files) -> ${out}`);
process.exit(success ? 0 : 1);
