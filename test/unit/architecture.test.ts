import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const CORE = join(ROOT, 'mock-server', 'core');

const listTs = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? listTs(p) : p.endsWith('.ts') ? [p] : [];
  });

/** What the pure core may never touch (STYLE.md: a pure core with thin adapters). */
const FORBIDDEN: readonly { name: string; pattern: RegExp }[] = [
  { name: 'express', pattern: /from\s+['"]express['"]|import\(\s*['"]express['"]\s*\)|require\(\s*['"]express['"]\s*\)/ },
  { name: 'msw', pattern: /from\s+['"]msw(\/[^'"]*)?['"]|import\(\s*['"]msw/ },
  { name: 'Pact', pattern: /from\s+['"]@pact-foundation\/[^'"]*['"]|import\(\s*['"]@pact-foundation/ },
  { name: 'better-sqlite3', pattern: /['"]better-sqlite3['"]/ },
  { name: 'node:http', pattern: /['"](node:)?https?['"]/ },
  { name: 'node:fs', pattern: /['"](node:)?fs(\/promises)?['"]/ },
  { name: 'process.env', pattern: /process\s*\.\s*env|process\s*\[\s*['"]env['"]\s*\]/ },
];

const findViolations = (source: string): string[] =>
  FORBIDDEN.filter((f) => f.pattern.test(source)).map((f) => f.name);

describe('architecture: the core is pure', () => {
  test.for([
    ['express', "import express from 'express';"],
    ['msw', "import { http } from 'msw';"],
    ['Pact', "import { PactV4 } from '@pact-foundation/pact';"],
    ['better-sqlite3', "import Database from 'better-sqlite3';"],
    ['node:http', "import { createServer } from 'node:http';"],
    ['node:fs', "import { readFileSync } from 'node:fs';"],
    ['process.env', 'const k = process.env.KOOMOCK_KEY;'],
  ] as const)('the rule catches %s', ([name, line]) => {
    expect(findViolations(line)).toEqual([name]);
  });

  test('no file under mock-server/core imports an adapter library or reads process.env', () => {
    const files = listTs(CORE);
    expect(files.length).toBeGreaterThan(3);
    const offenders = files.flatMap((f) =>
      findViolations(readFileSync(f, 'utf8')).map((v) => `${relative(ROOT, f)}: ${v}`),
    );
    expect(offenders).toEqual([]);
  });
});
