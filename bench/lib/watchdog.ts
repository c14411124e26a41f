/**
 * A last-resort time limit for one benchmark process: the loops are bounded already, but a server
 * that stops answering must not leave a benchmark hanging.
 */

/**
 * Exits with code 1 after `limitMs` unless the process ended first (the timer does not keep it alive).
 * @example armWatchdog('open-api', 60_000);
 */
export function armWatchdog(name: string, limitMs: number): void {
  setTimeout(() => {
    console.error(`bench ${name}: still running after ${limitMs / 1000} s; stopped. Is the machine very busy?`);
    process.exit(1);
  }, limitMs).unref();
}

/**
 * Runs a benchmark's main function: prints a failure (message only) and sets exit code 1 when it
 * throws; stops it after `limitMs`.
 * @example await runMain('signing', main);
 */
export async function runMain(name: string, main: () => Promise<void>, limitMs = 60_000): Promise<void> {
  armWatchdog(name, limitMs);
  try {
    await main();
  } catch (e) {
    console.error(`bench ${name} failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
}
