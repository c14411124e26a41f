import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

/*
 * The Chinese guides: every English document (README.md and every docs/*.md, so a new English document
 * without its Chinese counterpart fails here; REQUIRED names the ones that must never go missing) and the
 * original of every file in docs/zh has its Chinese counterpart, each links to the other, and their code blocks are the same, character
 * for character (commands and code are never translated; only the prose around them is).
 */

const ROOT = join(import.meta.dirname, '../../..');

/** The documents that must have a Chinese counterpart (English -> Chinese, paths from the repository root). */
const REQUIRED: Readonly<Record<string, string>> = {
  'README.md': 'README.zh-CN.md',
  'docs/signing.md': 'docs/zh/signing.md',
  'docs/scenarios.md': 'docs/zh/scenarios.md',
  'docs/checks.md': 'docs/zh/checks.md',
  'docs/config.md': 'docs/zh/config.md',
  'docs/security.md': 'docs/zh/security.md',
};

/** Every English document in docs/ (English -> Chinese). */
const ENGLISH_DOCS: Readonly<Record<string, string>> = Object.fromEntries(
  readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => [`docs/${f}`, `docs/zh/${f}`]),
);

/** The required pairs, every English document in docs/, and every Chinese document present in docs/zh with its English original. */
const TRANSLATED: Readonly<Record<string, string>> = {
  ...REQUIRED,
  ...ENGLISH_DOCS,
  ...Object.fromEntries(
    (existsSync(join(ROOT, 'docs/zh')) ? readdirSync(join(ROOT, 'docs/zh')) : []).filter((f) => f.endsWith('.md')).map((f) => [`docs/${f}`, `docs/zh/${f}`]),
  ),
};

const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
/** The distinct code blocks, in order; the fence keeps its language only (`sh runnable` marks a block another test runs). */
const codeBlocks = (text: string): string[] => [
  ...new Set([...text.matchAll(/^```(\S*)[^\n]*\n([\s\S]*?)^```$/gm)].map((m) => `\`\`\`${m[1]}\n${m[2]}\`\`\``)),
];
const fileName = (path: string): string => path.split('/').at(-1) ?? path;

describe('Chinese documents', () => {
  test.for(Object.entries(TRANSLATED))('%s has its Chinese counterpart %s', ([en, zh]) => {
    expect(existsSync(join(ROOT, en)), en).toBe(true);
    expect(existsSync(join(ROOT, zh)), zh).toBe(true);
  });

  test.for(Object.entries(TRANSLATED))('%s and %s link to each other', ([en, zh]) => {
    expect(read(en)).toMatch(new RegExp(`\\]\\((?:\\./)?(?:zh/)?${fileName(zh).replace('.', '\\.')}\\)`));
    expect(read(zh)).toMatch(new RegExp(`\\]\\((?:\\.\\./)?${fileName(en).replace('.', '\\.')}\\)`));
  });

  test.for(Object.entries(TRANSLATED))('%s and %s have the same code blocks', ([en, zh]) => {
    const blocks = codeBlocks(read(en));
    expect(blocks.length).toBeGreaterThan(0);
    expect(codeBlocks(read(zh))).toEqual(blocks);
  });

  test('every English document is paired (README.md and all of docs/*.md)', () => {
    const english = readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md'));
    expect(english.length).toBeGreaterThan(0);
    for (const f of english) expect(TRANSLATED[`docs/${f}`], f).toBe(`docs/zh/${f}`);
    expect(TRANSLATED['README.md']).toBe('README.zh-CN.md');
  });

  test('the Chinese README has the set-up commands, the quickstart, your own service and CI', () => {
    const zh = read('README.zh-CN.md');
    expect(zh).toContain('npm install --save-dev koomock');
    expect(zh).toContain('## 快速开始：三条命令');
    expect(zh).toContain('## 测试你自己的服务');
    expect(zh).toContain('### 持续集成（CI）');
  });
});
