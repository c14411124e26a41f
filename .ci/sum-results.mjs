// Sums the vitest JSON reports of a folder (test-results/vitest-*.json) into one line:
// `N passed, N failed` (`, N skipped`). Exits 1 on a failed test, a file that failed to load, an
// unreadable report, or when no test ran at all.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'test-results';
let files = [];
try {
  files = readdirSync(dir).filter((f) => /^vitest-.*\.json$/.test(f)).sort();
} catch {
  // No folder: no report, handled below.
}

let passed = 0;
let failed = 0;
let skipped = 0;
let ok = files.length > 0;
for (const file of files) {
  let r;
  try {
    r = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  } catch (e) {
    console.error(`ci: cannot read ${join(dir, file)} (${e instanceof Error ? e.message : String(e)})`);
    failed += 1;
    ok = false;
    continue;
  }
  // A file that failed to load has no failed test of its own: count it as one failure.
  const unloaded = (r.testResults ?? []).filter((t) => t.status === 'failed' && !(t.assertionResults ?? []).some((a) => a.status === 'failed'));
  for (const t of unloaded) console.error(`ci: ${file}: ${t.name} failed to load`);
  passed += r.numPassedTests ?? 0;
  failed += (r.numFailedTests ?? 0) + unloaded.length;
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  if (r.success !== true) ok = false;
}
if (files.length === 0) console.error(`ci: no vitest report in ${dir}`);

let line = `${passed} passed, ${failed + (files.length === 0 ? 1 : 0)} failed`;
if (skipped > 0) line += `, ${skipped} skipped`;
console.log(line);
process.exit(ok && failed === 0 && passed > 0 ? 0 : 1);
