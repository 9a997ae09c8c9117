/**
 * The desktop app's build: the core runs in a utilityProcess, so the package must carry its
 * entry (out/main/core-process.js) with every chunk it loads, and the main process bundle must
 * not carry the core (SQLite, the Box SDK), nor fork Node (release builds turn RunAsNode off).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBuilderConfig, packagedFiles } from '../../helpers/packaging-check';

const built = existsSync('out/main/index.js');
if (!built) console.log('core-process-bundle.test.ts: skipped, out/ is missing: run `npm run build` first');

/** Every relative module a built file imports, as paths from the repository root. */
function relativeImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/(?:^|\n)\s*import\s[^'"]*['"](\.{1,2}\/[^'"]+)['"]/g)].map((match) =>
    normalize(join(dirname(file), match[1]!)),
  );
}

describe.skipIf(!built)('the built core process', () => {
  it('is packaged with every chunk the main process and the core process load', () => {
    const files = new Set(packagedFiles(loadBuilderConfig()));
    expect(files.has('out/main/core-process.js')).toBe(true);
    const needed = [...relativeImports('out/main/index.js'), ...relativeImports('out/main/core-process.js')];
    expect(needed.length).toBeGreaterThan(0);
    expect(needed.filter((file) => !files.has(file))).toEqual([]);
  });

  it('leaves the core out of the main process and never forks Node for it', () => {
    const loadedByMain = ['out/main/index.js', ...relativeImports('out/main/index.js')]
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    expect(loadedByMain).toContain('utilityProcess.fork');
    expect(loadedByMain).not.toMatch(
      /from "better-sqlite3"|from "box-node-sdk|from "keytar"|from "node:child_process"/,
    );
    const core = readFileSync('out/main/core-process.js', 'utf8');
    expect(core).toContain('better-sqlite3');
    expect(core).toContain('process.parentPort');
  });
});
