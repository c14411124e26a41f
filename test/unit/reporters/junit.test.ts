import { describe, expect, test } from 'vitest';
import { escapeXml, toJunitXml } from '../../../mock-server/adapters/cli/reporters/junit.js';
import { isFailure, type RunReport } from '../../../mock-server/core/scenario/run/report.js';
import { buildRunReport, buildScenario, failed, failingRun, HOSTILE, HOSTILE_TEXT, ok, passingRun, skippingRun } from '../../support/sample-report.js';
import { assertXmlChars, findAll, parseXml, type XmlElement } from './parse-xml.js';

const child = (e: XmlElement, name: string): XmlElement | undefined => e.children.find((c) => c.name === name);
const num = (e: XmlElement, name: string): number => {
  const v = e.attrs[name];
  expect(v, `<${e.name}> has ${name}`).toMatch(/^\d+$/);
  return Number(v);
};

/** The shape of the common JUnit schema: testsuites > testsuite[...] > testcase[...], counts consistent. */
function expectJunitShape(root: XmlElement): void {
  expect(root.name).toBe('testsuites');
  const suites = root.children.filter((c) => c.name === 'testsuite');
  expect(suites).toHaveLength(root.children.length);
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  for (const suite of suites) {
    for (const a of ['name', 'tests', 'failures', 'errors', 'skipped', 'time', 'timestamp', 'hostname']) expect(suite.attrs, `testsuite@${a}`).toHaveProperty(a);
    expect(suite.attrs['time']).toMatch(/^\d+\.\d{3}$/);
    expect(suite.attrs['timestamp']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    const cases = suite.children.filter((c) => c.name === 'testcase');
    expect(suite.children.map((c) => c.name).filter((n) => n !== 'testcase')).toEqual(['properties']);
    for (const c of cases) {
      for (const a of ['name', 'classname', 'time']) expect(c.attrs, `testcase@${a}`).toHaveProperty(a);
      expect(c.children.length).toBeLessThanOrEqual(1);
    }
    expect(num(suite, 'tests')).toBe(cases.length);
    expect(num(suite, 'failures')).toBe(cases.filter((c) => child(c, 'failure') !== undefined).length);
    expect(num(suite, 'skipped')).toBe(cases.filter((c) => child(c, 'skipped') !== undefined).length);
    expect(num(suite, 'errors')).toBe(0);
    tests += cases.length;
    failures += num(suite, 'failures');
    skipped += num(suite, 'skipped');
  }
  expect([num(root, 'tests'), num(root, 'failures'), num(root, 'skipped'), num(root, 'errors')]).toEqual([tests, failures, skipped, 0]);
  expect(root.attrs['time']).toMatch(/^\d+\.\d{3}$/);
}

describe('the XML checker used below', () => {
  test.for([
    ['crossed tags', '<a><b></a></b>'],
    ['an unclosed element', '<a><b></b>'],
    ['a raw < in an attribute', '<a x="<"/>'],
    ['a bare &', '<a>&</a>'],
    ['an unquoted attribute', '<a x=1/>'],
    ['a duplicate attribute', '<a x="1" x="2"/>'],
    ['NUL', '<a>\u0000</a>'],
    ['a lone surrogate', '<a>\ud800</a>'],
    ['two roots', '<a/><b/>'],
  ] as const)('rejects %s', ([, xml]) => {
    expect(() => parseXml(xml)).toThrow();
  });

  test('accepts a well-formed document and decodes entities', () => {
    const root = parseXml('<?xml version="1.0"?>\n<a x="&quot;1&#10;">t&lt;&amp;<b/></a>');
    expect(root).toEqual({ name: 'a', attrs: { x: '"1\n' }, children: [{ name: 'b', attrs: {}, children: [], text: '' }], text: 't<&' });
  });
});

describe('toJunitXml', () => {
  test.for([
    ['a passing run', passingRun(3)],
    ['a failing run with hostile seller text', failingRun(2)],
    ['an empty run', buildRunReport([])],
  ] as const)('writes well-formed XML of the common JUnit shape for %s', ([, report]) => {
    expectJunitShape(parseXml(toJunitXml(report)));
  });

  const report = failingRun(1);
  const root = parseXml(toJunitXml(report));
  const retry = root.children.find((s) => s.attrs['name'] === 'newinstance-retry') as XmlElement;
  const testcase = (name: string): XmlElement | undefined => findAll(retry, 'testcase').find((c) => c.attrs['name'] === name);

  test('has one testsuite per scenario and one testcase per check, plus one per skipped step', () => {
    expect(root.children.map((s) => s.attrs['name'])).toEqual(report.scenarios.map((s) => s.id));
    const scenario = report.scenarios[1];
    expect(num(retry, 'tests')).toBe((scenario?.checks.length ?? 0) + 1);
    expect(num(retry, 'failures')).toBe(scenario?.checks.filter(isFailure).length);
  });

  test('names a testcase "step › check id" with the scenario id as classname', () => {
    expect(testcase('create › http.status')?.attrs['classname']).toBe('newinstance-retry');
    expect(child(testcase('create › http.status') as XmlElement, 'failure')).toBeUndefined();
  });

  test('gives a failed check a <failure> typed by check id with expected, received and hint', () => {
    const failure = child(testcase('create › result.code') as XmlElement, 'failure');
    expect(failure?.attrs['type']).toBe('result.code');
    expect(failure?.attrs['message']).toMatch(/^expected "000000" \(or "000004" = provisioning in progress\); received "000005" \(internal error\)/);
    expect(failure?.text).toMatch(/^expected: .*\nreceived: .*\nhint: The seller reported an internal error: see its logs\.$/);
  });

  test('passes a warning and puts it in <system-out>', () => {
    const warning = testcase('create › response.body-sign') as XmlElement;
    expect(child(warning, 'failure')).toBeUndefined();
    expect(child(warning, 'system-out')?.text).toMatch(/^warning: response\.body-sign\nexpected: /);
  });

  test('counts a skipped scenario as skipped: its suite holds only <skipped/> cases, none passed', () => {
    const root = parseXml(toJunitXml(skippingRun(2)));
    expectJunitShape(root);
    const suite = root.children.find((c) => c.attrs['name'] === 'order-query-failover') as XmlElement;
    const cases = suite.children.filter((c) => c.name === 'testcase');
    expect(cases.length).toBeGreaterThan(0);
    expect(cases.every((c) => child(c, 'skipped') !== undefined)).toBe(true);
    expect([num(suite, 'tests'), num(suite, 'skipped'), num(suite, 'failures')]).toEqual([cases.length, cases.length, 0]);
  });

  test('marks a skipped step <skipped>', () => {
    expect(child(testcase('query › (skipped)') as XmlElement, 'skipped')?.attrs['message']).toBe('step query was skipped: Query the instance');
  });

  test('lists the profile values, nested ones flattened, as <properties>', () => {
    const props = Object.fromEntries(findAll(retry, 'property').map((p) => [p.attrs['name'], p.attrs['value']]));
    expect(props).toMatchObject({
      'profile.generation': 'v2',
      'profile.callTimeoutMs': '20000',
      'profile.retryWindowMs.newInstance': '10800000',
      'profile.debug': 'false',
      'run.sellerUrl': report.sellerUrl,
      'scenario.title': 'New instance: the marketplace retries for 3 hours',
    });
  });

  test('keeps hostile seller text as text: no injected element, no invalid character, markup round-trips', () => {
    const xml = toJunitXml(report);
    expect(() => assertXmlChars(xml)).not.toThrow();
    expect(findAll(root, 'testcase').map((c) => c.attrs['name'])).not.toContain('injected');
    const out = child(testcase('create › response.body-sign') as XmlElement, 'system-out')?.text ?? '';
    expect(out).toContain(HOSTILE.script);
    expect(out).toContain(HOSTILE.xml);
    expect(out).not.toContain('\u001b');
  });

  test('gives a check reported twice for one step a distinct name', () => {
    const twice: RunReport = buildRunReport([
      buildScenario({ id: 's', title: 's', steps: [{ id: 'poll', title: 'poll', checks: [ok({ id: 'http.status', ok: true }, 'poll'), failed({ id: 'http.status', ok: false, received: '502' }, 'poll')] }] }),
    ]);
    const names = findAll(parseXml(toJunitXml(twice)), 'testcase').map((c) => c.attrs['name']);
    expect(names).toEqual(['poll › http.status', 'poll › http.status (2)']);
  });

  test('survives raw control characters and lone surrogates anywhere', () => {
    const raw = `\u0000\u0001\ud800${HOSTILE_TEXT}\udfff\ufffe`;
    const evil = buildRunReport(
      [buildScenario({ id: `id${raw}`, title: raw, file: raw, steps: [{ id: `st${raw}`, title: raw, checks: [failed({ id: 'body.json', ok: false, expected: raw, received: raw, hint: raw }, `st${raw}`)] }] })],
      { sellerUrl: raw, version: raw, profile: { [raw]: raw, nested: { [raw]: raw } } },
    );
    expectJunitShape(parseXml(toJunitXml(evil)));
  });
});

describe('escapeXml', () => {
  test.for([
    ['markup', `<a href="x">'&'</a>`, '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;'],
    ['NUL and other C0 controls (removed)', 'a\u0000b\u0008c', 'abc'],
    ['lone surrogates (removed)', 'a\ud800b\udc00c', 'abc'],
    ['U+FFFE and U+FFFF (removed)', 'a\ufffeb\uffffc', 'abc'],
    ['a valid surrogate pair (kept)', 'ok 👍', 'ok 👍'],
    ['tab, line feed and carriage return in text (kept)', 'a\tb\nc\r', 'a\tb\nc\r'],
  ] as const)('handles %s', ([, input, expected]) => {
    expect(escapeXml(input)).toBe(expected);
  });

  test('keeps line breaks in attributes as character references', () => {
    expect(escapeXml('a\nb\tc', true)).toBe('a&#10;b&#9;c');
  });
});
