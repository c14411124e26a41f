import type { Command } from 'commander';
import { usageError } from '../../../core/errors.js';
import type { LoadSummary } from '../../../core/load/summary.js';
import { addConfigOptions, toConfigOptions } from '../../../config/cli-options.js';
import type { LoadMode } from '../../../app/load-run.js';
import type { CliIo } from '../io.js';
import type { RegisterCommand } from './register.js';

const EXAMPLES = `
Examples:
  koomock load --seller-url http://127.0.0.1:8080/produce --key "$BASIC_KEY" --concurrency 16 --duration 30
  koomock load --seller-url … --key … --rate 200 --duration 60 --json

Each call is a signed newInstance for a fresh order (orderId LOAD…), bounded by the platform's call
timeout (profile.callTimeoutMs, 20 s). A call fails when no answer arrives in time, the status is not
2xx, or the resultCode is not 000000 (or 000004).
Exit codes: 0 every call succeeded in time, 1 a call failed or exceeded the call timeout, 2 koomock could not run.`;

/** Activities `koomock load` can fill by itself: each call gets a fresh order. */
const LOAD_ACTIVITIES = ['newInstance'];

function positive(name: string, text: unknown, integer: boolean): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  const ok = typeof text === 'string' && (integer ? /^\d+$/ : /^\d+(\.\d+)?$/).test(text.trim()) && n > 0;
  if (!ok) throw usageError(`${name} expects a positive ${integer ? 'whole number' : 'number'}, received ${JSON.stringify(text)}`);
  return n;
}

function toMode(opts: Readonly<Record<string, unknown>>): LoadMode {
  const rate = positive('--rate', opts['rate'], false);
  const concurrency = positive('--concurrency', opts['concurrency'], true);
  if ((rate === undefined) === (concurrency === undefined)) {
    throw usageError('give exactly one of --rate N (calls per second) or --concurrency C (calls in flight), e.g. --concurrency 16');
  }
  return rate === undefined ? { kind: 'concurrency', inFlight: concurrency ?? 1 } : { kind: 'rate', perSecond: rate };
}

/** The summary as a few aligned lines. */
function toLoadText(s: LoadSummary, timeoutMs: number): string {
  const codes = Object.entries(s.results)
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => `${code} ×${n}`)
    .join(', ');
  return [
    `calls      ${s.calls} in ${(s.elapsedMs / 1000).toFixed(1)} s (${s.rate}/s)`,
    `succeeded  ${s.succeeded}`,
    `failed     ${s.failed} (timeouts over ${timeoutMs} ms: ${s.timeouts}, connection errors: ${s.errors})`,
    `latency    p50 ${s.latencyMs.p50} ms, p90 ${s.latencyMs.p90} ms, p99 ${s.latencyMs.p99} ms, max ${s.latencyMs.max} ms`,
    `results    ${codes === '' ? '—' : codes}`,
  ].join('\n');
}

/**
 * `koomock load`: a burst of signed produce calls against the seller's endpoint. The config loader
 * and the load runner are imported when it runs (`--help` loads neither).
 */
export const registerLoad: RegisterCommand = (program: Command, io: CliIo, setExit) => {
  const command = program
    .command('load')
    .description('send signed produce calls for fresh orders at a rate or concurrency and report latency and failures (压测生产接口)')
    .option('--activity <activity>', `the activity: ${LOAD_ACTIVITIES.join(', ')}`, 'newInstance')
    .option('--rate <n>', 'calls started per second (open loop)')
    .option('--concurrency <c>', 'calls in flight at once (closed loop)')
    .option('--duration <seconds>', 'how long to send, in seconds', '10')
    .option('--calls <n>', 'stop after this many calls')
    .option('--json', 'print the summary as JSON');
  addConfigOptions(command)
    .addHelpText('after', EXAMPLES)
    .action(async (opts: Record<string, unknown>) => {
      const activity = String(opts['activity']);
      if (!LOAD_ACTIVITIES.includes(activity)) {
        throw usageError(`koomock load sends ${LOAD_ACTIVITIES.join(', ')} (each for a fresh order), received ${JSON.stringify(activity)}; use koomock run for the other activities`);
      }
      const mode = toMode(opts);
      const durationMs = (positive('--duration', opts['duration'], false) ?? 10) * 1000;
      const maxCalls = positive('--calls', opts['calls'], true);
      const [{ loadConfig }, { runLoad }] = await Promise.all([import('../../../config/load.js'), import('../../../app/load-run.js')]);
      const { file, flags } = toConfigOptions(opts);
      const { config } = loadConfig({ ...(file === undefined ? {} : { file }), env: io.env, flags, cwd: io.cwd });
      const live = io.isTTY && opts['json'] !== true;
      const summary = await runLoad({
        config,
        activity,
        mode,
        durationMs,
        ...(maxCalls === undefined ? {} : { maxCalls }),
        ...(live ? { onProgress: (done: number, failed: number, ms: number) => process.stderr.write(`\r${done} calls, ${failed} failed, ${(ms / 1000).toFixed(1)} s`) } : {}),
      });
      if (live) process.stderr.write('\n');
      io.out(opts['json'] === true ? JSON.stringify({ activity, url: config.seller.productionUrl, timeoutMs: config.profile.callTimeoutMs, ...summary }, null, 2) : toLoadText(summary, config.profile.callTimeoutMs));
      setExit(summary.failed > 0 ? 1 : 0);
    });
};
