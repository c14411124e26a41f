import { describe, expect, test } from 'vitest';
import { createRunService, type RunPlay } from '../../../mock-server/app/suite-runs.js';
import { resolveConfig } from '../../../mock-server/config/load.js';
import type { RunReport, ScenarioReport } from '../../../mock-server/core/scenario/run/report.js';

/*
 * The one run service behind /_koomock/runs, with a player the test drives: ids, the kept runs,
 * one run at a time, per-scenario progress and the run events the console listens to.
 */

const config = resolveConfig({ seller: { productionUrl: 'http://127.0.0.1:9/produce' } }, { cwd: process.cwd() });

function drivenPlayer() {
  const plays: { play: RunPlay; finish: (failed: boolean) => void; fail: (e: Error) => void }[] = [];
  const play = (p: RunPlay) =>
    new Promise<RunReport>((resolve, reject) => {
      plays.push({
        play: p,
        fail: reject,
        finish: (failed) => {
          const scenarios: ScenarioReport[] = p.scenarios.map((s, index) => {
            p.onEvent({ kind: 'scenario-start', id: s.id, title: s.title, index, total: p.scenarios.length });
            const report = { id: s.id, title: s.title, status: failed ? 'failed' : 'passed', durationMs: 1, steps: [{ id: 'one', title: 'One', status: 'passed' }], checks: [] } as unknown as ScenarioReport;
            p.onEvent({ kind: 'scenario-end', report, index, total: p.scenarios.length });
            return report;
          });
          const summary = { scenarios: scenarios.length, scenariosFailed: failed ? scenarios.length : 0, scenariosSkipped: 0, checks: 0, checksFailed: 0, warnings: 0 };
          resolve({ tool: 'koomock', version: 'test', startedAt: '', durationMs: 1, sellerUrl: p.config.seller.productionUrl, profile: {}, scenarios, summary });
        },
      });
    });
  return { plays, play };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the run service', () => {
  test('one run: run-… id, waiting then passed scenarios with steps, events without the report, the report once finished', async () => {
    const { plays, play } = drivenPlayer();
    const runs = createRunService({ config, play });
    const events: Record<string, unknown>[] = [];
    runs.events.on('run', (e: Record<string, unknown>) => events.push(e));
    const started = runs.start({ scenarios: ['renew'] }, 'http://127.0.0.1:7070');
    expect(started.id).toMatch(/^run-[0-9a-z]+-1$/);
    expect(started.scenarios).toEqual([expect.objectContaining({ id: 'renew', status: 'waiting', steps: [] })]);
    expect(plays[0]?.play.baseUrl).toBe('http://127.0.0.1:7070');
    expect(plays[0]?.play.config.seller.productionUrl).toBe('http://127.0.0.1:9/produce');
    plays[0]?.finish(false);
    await settle();
    const done = runs.get(started.id);
    expect(done).toMatchObject({ status: 'finished', passed: true, progress: { scenariosDone: 1, scenariosTotal: 1 } });
    expect(done?.scenarios).toEqual([{ id: 'renew', title: expect.any(String), status: 'passed', steps: [{ id: 'one', title: 'One', status: 'passed' }] }]);
    expect(done?.report?.summary.scenarios).toBe(1);
    expect(events.map((e) => (e['scenarios'] as { status: string }[])[0]?.status)).toEqual(['waiting', 'running', 'passed', 'passed']);
    expect(events.every((e) => e['id'] === started.id && !('report' in e))).toBe(true);
  });

  test('one run at a time; a failing run is finished and not passed; an unplayable one is an error', async () => {
    const { plays, play } = drivenPlayer();
    const runs = createRunService({ config, play });
    const first = runs.start({ scenarios: ['renew'] }, 'http://127.0.0.1:7070');
    expect(() => runs.start({ scenarios: ['renew'] }, 'http://127.0.0.1:7070')).toThrow(`run ${first.id} is still going on`);
    plays[0]?.finish(true);
    await settle();
    expect(runs.get(first.id)).toMatchObject({ status: 'finished', passed: false });
    const second = runs.start({ groups: ['security'] }, 'http://127.0.0.1:7070');
    plays[1]?.fail(new Error('boom'));
    await settle();
    expect(runs.get(second.id)).toMatchObject({ status: 'error', error: { code: 'INTERNAL' } });
    expect(JSON.stringify(runs.get(second.id))).not.toContain('boom');
  });

  test('keeps the last 20 runs', async () => {
    const { plays, play } = drivenPlayer();
    const runs = createRunService({ config, play });
    const ids: string[] = [];
    for (let i = 0; i < 21; i += 1) {
      ids.push(runs.start({ scenarios: ['renew'] }, 'http://127.0.0.1:7070').id);
      plays[i]?.finish(false);
      await settle();
    }
    expect(runs.get(ids[0] ?? '')).toBeUndefined();
    expect(ids.slice(1).every((id) => runs.get(id)?.status === 'finished')).toBe(true);
  });

  test('refuses a run with no seller, unknown scenarios, or a field it does not take', () => {
    const runs = createRunService({ config: { ...config, seller: { ...config.seller, productionUrl: '' } }, play: drivenPlayer().play });
    expect(() => runs.start({ scenarios: ['renew'] }, 'http://127.0.0.1:7070')).toThrow('no seller to run against');
    expect(() => runs.start({ scenarios: ['renwe'], sellerUrl: 'http://127.0.0.1:9/produce' }, 'http://127.0.0.1:7070')).toThrow('scenarios renwe: no such scenario');
    expect(() => runs.start({ ids: ['renew'] }, 'http://127.0.0.1:7070')).toThrow('unknown field ids');
    expect(runs.reportText({} as RunReport, 'junit')).toBeUndefined();
  });
});
