/**
 * One app per home, two homes side by side. Electron cannot run here, so this plays its
 * single-instance lock as Electron implements it: keyed on the userData folder at the moment
 * the lock is asked for.
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { claimAppHome } from '../../main/core/app-instance';

const DEFAULT_USER_DATA = '/home/admin/.config/Box Connect Companion';

/** One machine's lock table, and one launch of the app on it with the given --home. */
function launcher() {
  const held = new Set<string>();
  return (home: string | null) => {
    let userData = DEFAULT_USER_DATA;
    let quit = false;
    const owned = claimAppHome({
      chooseHome: () => (userData = home ?? DEFAULT_USER_DATA),
      requestSingleInstanceLock: () => !held.has(userData) && Boolean(held.add(userData)),
      quit: () => (quit = true),
    });
    return { owned, quit };
  };
}

describe('the single-instance lock', () => {
  it('lets two different homes run side by side', () => {
    const launch = launcher();
    expect(launch('/srv/helpdesk/customer-a')).toEqual({ owned: '/srv/helpdesk/customer-a', quit: false });
    expect(launch('/srv/helpdesk/customer-b')).toEqual({ owned: '/srv/helpdesk/customer-b', quit: false });
    expect(launch(null)).toEqual({ owned: DEFAULT_USER_DATA, quit: false });
  });

  it('refuses a second app on the same home: it quits', () => {
    const launch = launcher();
    expect(launch('/srv/helpdesk/customer-a').owned).toBe('/srv/helpdesk/customer-a');
    expect(launch('/srv/helpdesk/customer-a')).toEqual({ owned: null, quit: true });
  });

  it('is what the Electron entry uses: it asks for the lock only through claimAppHome', () => {
    const source = ts.createSourceFile(
      'index.ts',
      readFileSync('main/electron/index.ts', 'utf8'),
      ts.ScriptTarget.Latest,
      true,
    );
    const calls: { callee: string; insideClaim: boolean }[] = [];
    const visit = (node: ts.Node, insideClaim: boolean) => {
      let inside = insideClaim;
      if (ts.isCallExpression(node)) {
        const callee = node.expression.getText(source);
        calls.push({ callee, insideClaim });
        if (callee === 'claimAppHome') inside = true;
      }
      ts.forEachChild(node, (child) => visit(child, inside));
    };
    visit(source, false);
    expect(calls.filter((call) => call.callee === 'claimAppHome')).toHaveLength(1);
    const locks = calls.filter((call) => call.callee.endsWith('requestSingleInstanceLock'));
    expect(locks.length).toBeGreaterThan(0);
    expect(locks.every((call) => call.insideClaim)).toBe(true);
    // applyAppHome is handed to claimAppHome (which runs it first), never called on its own.
    expect(calls.some((call) => call.callee === 'applyAppHome')).toBe(false);
    expect(source.getText()).toMatch(/claimAppHome\(\{\s*chooseHome: applyAppHome,/);
  });
});
