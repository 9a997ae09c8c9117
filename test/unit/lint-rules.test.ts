/**
 * `npm run lint` (eslint . with eslint.config.js) is what keeps product code in shape (issue 15,
 * acceptance 1). These tests hand ESLint source as if it stood at a path in this repository, so
 * they prove the config itself, the same one `npm run lint` reads; Prettier is asked the same
 * way, with the repository's .prettierrc.json and .prettierignore.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: repoRoot });

/** A function of `bodyLines` statements, with blank lines and comments between (they do not count). */
function functionOf(bodyLines: number): string {
  const body = Array.from({ length: bodyLines }, (_, i) => `  total += ${i};\n\n  // step ${i}`).join('\n');
  // The signature, the first and last statements and the closing brace count too: bodyLines + 4.
  return `export function longFunction(): number {\n  let total = 0;\n${body}\n  return total;\n}\n`;
}
const LINES_81 = functionOf(77);
const LINES_80 = functionOf(76);

async function lengthErrors(source: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  const messages = result?.messages ?? [];
  // Any other finding means the sample itself is off, and the test would prove nothing.
  expect(messages.filter((m) => m.ruleId !== 'max-lines-per-function')).toEqual([]);
  return messages.map((m) => `${m.severity === 2 ? 'error' : 'warning'}: ${m.message}`);
}

describe('npm run lint: no product function over 80 lines', () => {
  it.each([
    'main/core/example.ts',
    'main/cli/example.ts',
    'main/electron/example.ts',
    'common/example.ts',
    'preload/example.ts',
    'renderer/src/example.tsx',
  ])('fails an 81-line function in %s', async (filePath) => {
    expect(await lengthErrors(LINES_81, filePath)).toEqual([
      "error: Function 'longFunction' has too many lines (81). Maximum allowed is 80.",
    ]);
  });

  it('passes an 80-line function, blank lines and comments aside', async () => {
    expect(LINES_80.split('\n').length).toBeGreaterThan(160); // the blanks and comments would break 80 if they counted
    expect(await lengthErrors(LINES_80, 'main/core/example.ts')).toEqual([]);
  });

  it('counts an immediately invoked function too', async () => {
    const iife = `(async () => {\n${LINES_81.split('\n').slice(1, -2).join('\n')}\n})();\n`;
    expect(await lengthErrors(iife, 'main/cli/example.ts')).toHaveLength(1);
  });

  it('leaves tests alone: a long test reads best in one place', async () => {
    expect(await lengthErrors(LINES_81, 'test/unit/example.test.ts')).toEqual([]);
    expect(await lengthErrors(LINES_81, 'test/integration/example.test.ts')).toEqual([]);
  });
});

describe('npm run lint: one format', () => {
  const packageJson = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };

  /** Whether `prettier --check` (as `npm run lint` runs it) accepts `source` at `filePath`. */
  async function formatted(source: string, filePath: string): Promise<boolean> {
    const at = join(repoRoot, filePath);
    const info = await prettier.getFileInfo(at, { ignorePath: join(repoRoot, '.prettierignore') });
    expect(info.ignored, `${filePath} is ignored by .prettierignore`).toBe(false);
    return prettier.check(source, { ...(await prettier.resolveConfig(at)), filepath: at });
  }

  it('npm run lint runs Prettier over the whole repository after ESLint', () => {
    expect(packageJson.scripts.lint).toMatch(/eslint \. && prettier --check \.$/);
  });

  it.each([
    'main/core/example.ts',
    'common/example.ts',
    'preload/example.ts',
    'renderer/src/example.tsx',
    'test/unit/example.test.ts',
  ])('fails an unformatted file in %s, passes it formatted', async (filePath) => {
    const unformatted = 'export const answer = {value:42,label:"the answer"}\n';
    expect(await formatted(unformatted, filePath)).toBe(false);
    expect(await formatted("export const answer = { value: 42, label: 'the answer' };\n", filePath)).toBe(true);
  });

  it('wraps at 120 characters', async () => {
    const long = `export const list = [${Array.from({ length: 30 }, (_, i) => `'item${i}'`).join(', ')}];\n`;
    expect(long.length).toBeGreaterThan(120);
    expect(await formatted(long, 'main/core/example.ts')).toBe(false);
  });
});
