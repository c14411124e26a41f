import buildOnce from './build-once.js';
import { waitForBuild } from './built-cli.js';

/*
 * Vitest global setup of the browser project: the console tests spawn `koomock serve` and load the
 * console from dist/console/, so both must match the sources. build-once.ts builds what is stale (in
 * the background); these tests wait for it before they start.
 */
export default async function setup(): Promise<void> {
  buildOnce();
  await waitForBuild();
}
