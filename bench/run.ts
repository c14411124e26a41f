/**
 * Runs every benchmark, one fresh Node process each (so one's JIT state and garbage do not weigh on
 * the next), one after another, and says which failed. Names on the command line pick some. Every
 * table prints as Markdown, so a run pastes into docs/benchmarks.md as it is.
 *
 *   node --import tsx bench/run.ts            # all
 *   node --import tsx bench/run.ts signing    # only bench/signing.ts
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCHMARKS = ['signing', 'open-api', 'suite', 'startup', 'serve', 'usage', 'load', 'journal'] as const;
/** The longest (journal) takes about a minute on a quiet machine; this only stops one that hangs. */
const LIMIT_MS = 300_000;
const HERE = dirname(fileURLToPath(import.meta.url));

interface Outcome {
  readonly name: string;
  readonly code: number;
  readonly seconds: number;
}

function runOne(name: string): Promise<Outcome> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(HERE, `${name}.ts`)], { cwd: dirname(HERE), stdio: 'inherit' });
    const timer = setTimeout(() => {
      console.error(`bench ${name}: no result after ${LIMIT_MS / 1000} s; stopping it`);
      child.kill('SIGTERM');
    }, LIMIT_MS);
    const done = (code: number): void => {
      clearTimeout(timer);
      resolve({ name, code, seconds: (performance.now() - t0) / 1000 });
    };
    child.once('error', (e) => {
      console.error(`bench ${name}: could not start node: ${e.message}`);
      done(1);
    });
    child.once('exit', (code) => done(code ?? 1));
  });
}

async function main(): Promise<number> {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((a) => !(BENCHMARKS as readonly string[]).includes(a));
  if (unknown.length > 0) {
    console.error(`bench: no benchmark named ${unknown.join(', ')}; known: ${BENCHMARKS.join(', ')}`);
    return 2;
  }
  const names = asked.length === 0 ? BENCHMARKS : BENCHMARKS.filter((b) => asked.includes(b));
  const t0 = performance.now();
  const outcomes: Outcome[] = [];
  for (const name of names) outcomes.push(await runOne(name));
  console.log(`\n${outcomes.map((o) => `${o.code === 0 ? '✔' : '✗'} ${o.name} (${o.seconds.toFixed(1)} s)`).join('   ')}`);
  console.log(`total ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  return outcomes.every((o) => o.code === 0) ? 0 : 1;
}

process.exitCode = await main();
