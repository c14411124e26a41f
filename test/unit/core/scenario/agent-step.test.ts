import { describe, expect, test } from 'vitest';
import { getSchemaRegistry } from '../../../../mock-server/config/schemas-fs.js';
import type { AgentStep } from '../../../../mock-server/core/scenario/load/model.js';
import { parseScenario, validateScenario } from '../../../../mock-server/core/scenario/load/parse.js';

const schemas = getSchemaRegistry();
const scenario = (requires: string, step: string): string => `id: agent-x\ntitle: x\ngroup: agents\n${requires}steps:\n${step}`;

describe('the agent step', () => {
  test('parses with its defaults: JSON, a valid JWT, the default body, a generated title', () => {
    const parsed = parseScenario(scenario('requires: [agent-backend]\n', '  - agent: {}\n'), { file: 'a.yaml', schemas });
    expect(parsed.requires).toEqual(['agent-backend']);
    expect(parsed.steps[0]).toMatchObject({ kind: 'agent', stream: false, jwt: 'valid', title: 'agent call, JSON, valid JWT' });
    expect((parsed.steps[0] as AgentStep).body).toBeUndefined();
  });

  test('takes stream, jwt and a body object (sent as JSON)', () => {
    const parsed = parseScenario(scenario('requires: [agent-backend]\n', '  - agent: { stream: true, jwt: forged, body: { input: hi } }\n'), { file: 'a.yaml', schemas });
    expect(parsed.steps[0]).toMatchObject({ kind: 'agent', stream: true, jwt: 'forged', body: '{"input":"hi"}' });
  });

  test('without requires: [agent-backend] the file is refused, saying what to add', () => {
    const r = validateScenario(scenario('', '  - agent: {}\n'), { file: 'a.yaml', schemas });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.hint)).toEqual([expect.stringContaining('add `requires: [agent-backend]`')]);
  });

  test('an unknown jwt kind is refused by the schema', () => {
    const r = validateScenario(scenario('requires: [agent-backend]\n', '  - agent: { jwt: stale }\n'), { file: 'a.yaml', schemas });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]?.pointer).toBe('/steps/0/agent/jwt');
  });
});
