import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { englishRuns } from '../support/english-runs.js';
import { linesOf, runCli } from '../support/run-cli.js';

/*
 * `koomock run --lang zh` on a scenario file broken one way, and on a config file broken one way:
 * every problem line reads as Chinese. File names, lines and columns, field names, ids and quoted
 * values stay as they are; any run of three English words is a sentence missing from the catalogue
 * (core/messages/catalogue-scenario-files.ts, catalogue-config.ts). The lists of allowed names a
 * hint may give are values too; the cases below break names close to a known one, so the hint is a
 * "did you mean".
 */

const VALID = ['id: zh-errors', 'title: A scenario broken one way per case', 'steps:', '  - send: newInstance', '    expect:', '      resultCode: "000000"', ''].join('\n');

const SCENARIO_CASES: readonly (readonly [string, string, RegExp])[] = [
  ['YAML syntax error', VALID.replace('title: A scenario', 'title: [A scenario'), /^koomock：broken\.yaml:\d+:\d+：YAML 语法错误（解析器原文："[^"]*"）——/],
  ['unknown step key', VALID.replace('  - send:', '  - sendd:'), /^koomock：broken\.yaml:4:5：步骤 1 中有未知字段 `sendd`——你是不是想写 send？$/],
  ['unknown activity', VALID.replace('newInstance', 'newInstanse'), /：未知的 activity `newInstanse`——你是不是想写 newInstance？$/],
  ['missing title', VALID.replace(/^title: .*\n/m, ''), /^koomock：broken\.yaml:1:1：场景缺少 `title`——请添加 title$/],
  ['wrong type', VALID.replace('id: zh-errors', 'id: 5'), /^koomock：broken\.yaml:1:5：`id` 必须是字符串，实际为数字 5——请加上引号："5"$/],
  ['steps not a list', VALID.replace(/steps:[\s\S]*/, 'steps: nope\n'), /：`steps` 必须是列表，实际为字符串 "nope"$/],
  ['empty steps', VALID.replace(/steps:[\s\S]*/, 'steps: []\n'), /：`steps` 为空——请至少添加一个步骤$/],
  ['result code as a number', VALID.replace('resultCode: "000000"', 'resultCode: 000100'), /：`expect\.resultCode` 必须是六位数字的字符串，实际为数字 100——请加上引号："000100"（不加引号时 YAML 把 000100 读作数字）$/],
  ['key only for send steps', VALID.replace('  - send: newInstance', '  - wait: 1s'), /：`expect` 只属于 `send` 步骤，而这是 `wait` 步骤——请把它移到 send 步骤中，或删除它/],
  ['bad duration', VALID.replace('  - send: newInstance', '  - wait: 10 sec\n  - send: newInstance'), /不是时长——/],
  ['duplicate step id', VALID.replace('  - send: newInstance', '  - id: create\n    send: newInstance\n  - id: create\n    send: refreshInstance'), /：步骤 id `create` 重复——步骤 1（第 4 行）已经使用了它：请给本步骤另起一个 id，例如 create-2$/],
  ['reference to a missing step', `${VALID}  - send: refreshInstance\n    with:\n      instanceId: \${nope.instanceId}\n`, /：\$\{nope\.instanceId\} 引用的步骤 `nope` 不存在——/],
  ['unknown check', VALID.replace('      resultCode: "000000"', '      pass: [result.codes]'), /：未知的检查 `result\.codes`——你是不是想写 result\.code？$/],
  ['malformed id', VALID.replace('id: zh-errors', 'id: Bad_Id'), /^koomock：broken\.yaml:1:5：`id`："Bad_Id" 的格式不对——请写成 kebab-case 形式：/],
  ['impossible outcome', VALID.replace('send: newInstance', 'send: refreshInstance').replace('resultCode: "000000"', 'outcome: order-failed'), /：refreshInstance 不会以 order-failed 结束——只有 newInstance 和 upgradeInstance 会让订单失败/],
];

const CONFIG_CASES: readonly (readonly [string, string, RegExp])[] = [
  ['unknown key', 'seller:\n  keyy: {}\n', /^ {2}- seller\.keyy（koomock\.config\.yaml 第 2 行）：未知的键；你是不是想写 `keys`？$/m],
  ['YAML syntax error', 'server:\n  port: [8080\n', /^koomock：koomock\.config\.yaml:2:9：YAML 语法错误，位于第 2 行第 9 列：这里的 \[ \] 或 \{ \} 没有闭合。请修正该文件后重新运行。$/m],
  ['wrong value', 'server:\n  port: 70000\n', /^ {2}- server\.port（koomock\.config\.yaml 第 2 行）：期望TCP 端口：0 到 65535 之间的整数（0 表示任选一个空闲端口），实际为 70000$/m],
  ['bad duration', 'profile:\n  retryIntervalMs: -1\n', /^ {2}- profile\.retryIntervalMs（koomock\.config\.yaml 第 2 行）：期望大于零的时长：/m],
  ['key used for two categories', 'seller:\n  keys:\n    basic: same-key-0123456789\n    general: same-key-0123456789\n', /：期望与 seller\.keys\.basic 不同的 Key：云商店为每个接口类别绑定单独的 Key（通用接口 与 基础接口），实际为 相同的值（已隐藏：这是密钥）$/m],
  ['malformed secret key', 'seller:\n  sk: "an sk with spaces"\n', /^ {2}- seller\.sk（koomock\.config\.yaml 第 2 行）：期望秘密访问密钥（SK）：1 到 256 个字母和数字，实际为 长度为 17 个字符的文本（已隐藏：这是密钥）$/m],
  ['tab indentation', 'server:\n\tport: 8080\n', /^koomock：koomock\.config\.yaml:2:1：YAML 语法错误，位于第 2 行第 1 列：/],
];

describe('errors of a broken scenario or config file in Chinese', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'koomock-file-errors-zh-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.for(SCENARIO_CASES)('a scenario file with a %s', async ([, text, expected]) => {
    writeFileSync(join(dir, 'broken.yaml'), text);
    const run = await runCli(['run', 'broken.yaml', '--seller-url', 'http://127.0.0.1:9/produce', '--lang', 'zh'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^koomock：broken\.yaml:/);
    expect(linesOf(run.stderr).some((line) => expected.test(line))).toBe(true);
    expect(englishRuns(run.stderr)).toEqual([]);
  });

  test.for(CONFIG_CASES)('a config file with a %s', async ([, text, expected]) => {
    mkdirSync(join(dir, 'config'), { recursive: true });
    writeFileSync(join(dir, 'config', 'koomock.config.yaml'), text);
    const run = await runCli(['run', '--config', 'koomock.config.yaml', '--lang', 'zh'], { cwd: join(dir, 'config') });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(expected);
    expect(englishRuns(run.stderr)).toEqual([]);
    expect(run.stderr).not.toMatch(/same-key-0123456789|an sk with spaces/);
  });

  test('a JSON config file with a trailing comma', async () => {
    mkdirSync(join(dir, 'json'), { recursive: true });
    writeFileSync(join(dir, 'json', 'koomock.config.json'), '{\n  "server": {"port": 8080,}\n}\n');
    const run = await runCli(['run', '--config', 'koomock.config.json', '--lang', 'zh'], { cwd: join(dir, 'json') });
    expect(run.code).toBe(2);
    expect(linesOf(run.stderr)).toEqual(['koomock：koomock.config.json:2:27：JSON 语法错误，位于第 2 行第 27 列：这里应有双引号括起的键（JSON 不允许末尾逗号）。请修正该文件后重新运行。']);
  });

  test('the same scenario file in English is unchanged', async () => {
    writeFileSync(join(dir, 'broken.yaml'), VALID.replace('  - send:', '  - sendd:'));
    const run = await runCli(['run', 'broken.yaml', '--seller-url', 'http://127.0.0.1:9/produce', '--lang', 'en'], { cwd: dir });
    expect(linesOf(run.stderr)[0]).toBe('koomock: broken.yaml:4:5: unknown field `sendd` in step 1 — did you mean send?');
  });
});
