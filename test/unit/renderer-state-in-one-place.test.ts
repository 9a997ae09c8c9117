/**
 * The renderer's state comes from one place (issue #15): the bridge object only from
 * renderer/src/state (and renderer/src/bridge, which builds it), never passed down as an `api`
 * prop, and every core event subscribed exactly once, by its store. Read from the source files:
 * a new screen that copies the old pattern fails here, naming the file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EVENT_NAMES } from '../../common/bridge/names';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RENDERER = join(ROOT, 'renderer/src');
/** The only folders that may hold the bridge object's type: where it is built and provided. */
const BRIDGE_OWNERS = ['renderer/src/bridge/', 'renderer/src/state/'];

function sourceFiles(dir: string): Array<{ path: string; text: string }> {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => {
      const full = join(entry.parentPath, entry.name);
      return { path: relative(ROOT, full), text: readFileSync(full, 'utf8') };
    });
}

/** Comments may talk about the old `api` prop; only code counts. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

const files = sourceFiles(RENDERER).map((file) => ({ ...file, code: code(file.text) }));

describe('renderer state in one place', () => {
  it('reads the renderer sources (the check below is not vacuous)', () => {
    expect(files.length).toBeGreaterThan(30);
    expect(files.map((f) => f.path)).toContain('renderer/src/App.tsx');
  });

  it('no component takes or passes an `api` prop', () => {
    const offenders = files.flatMap((file) => {
      const found: string[] = [];
      if (/\bapi\s*=\s*\{/.test(file.code)) found.push(`${file.path}: passes api={…}`);
      if (/\(\s*\{[^)]*\bapi\b[^)]*\}\s*:/.test(file.code)) found.push(`${file.path}: destructures an api prop`);
      if (/\bapi\??\s*:\s*BoxCompanionApi\b/.test(file.code))
        found.push(`${file.path}: declares an api prop or parameter`);
      return found;
    });
    expect(offenders).toEqual([]);
  });

  it('only the bridge module and the state provider know the bridge object’s type', () => {
    const offenders = files.filter(
      (file) => /\bBoxCompanionApi\b/.test(file.code) && !BRIDGE_OWNERS.some((owner) => file.path.startsWith(owner)),
    );
    expect(offenders.map((file) => file.path)).toEqual([]);
  });

  it('every core event is subscribed in exactly one place, with its name written out', () => {
    const calls = files.flatMap((file) =>
      [...file.code.matchAll(/\.on\(\s*([^,\s)]+)/g)].map((match) => ({ path: file.path, event: match[1]! })),
    );
    // A subscription through a variable (`.on(name, …)`) could hide a second one: none allowed.
    expect(calls.filter((call) => !/^['"][A-Za-z]+['"]$/.test(call.event))).toEqual([]);
    const where = Object.fromEntries(
      EVENT_NAMES.map((event) => [
        event,
        calls.filter((call) => call.event.slice(1, -1) === event).map((call) => call.path),
      ]),
    );
    for (const event of EVENT_NAMES) expect(where[event], `subscriptions to ${event}`).toHaveLength(1);
    expect(where).toMatchObject({
      connectionChanged: ['renderer/src/state/connection-store.ts'],
      scanProgress: ['renderer/src/state/scan-progress-store.ts'],
      settingsChanged: ['renderer/src/state/settings-store.ts'],
      policyMatches: ['renderer/src/state/policy-store.ts'],
      policyAlerts: ['renderer/src/state/policy-store.ts'],
      actionRunProgress: ['renderer/src/state/run-store.ts'],
    });
  });
});
