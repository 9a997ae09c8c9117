/**
 * The portal half of the runbook (acceptance 7): `guide --dc … --portal GEN` in text, md, html
 * and pdf carries every step of that portal generation, in the documented order, after every
 * Box step, each with what the admin should see; then the portal's errors with our explanations.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  PORTAL_ERRORS,
  PORTAL_GENERATIONS,
  PORTAL_STEPS,
  buildWalkthrough,
  portalStepIds,
  type PortalGeneration,
} from '../../../common/allowlist';
import { escapeHtml } from '../../../main/core/walkthrough/runbook-html';
import { makeTempHome } from '../../helpers/temp-home';

/** The order product.md gives for each generation. */
const DOCUMENTED: Record<PortalGeneration, string[]> = {
  'cas-2016': [
    'open-sanctioned-apps',
    'connect-box',
    'follow-link',
    'sign-in-allow',
    'success',
    'test-api',
    'already-proven',
  ],
  'mdca-classic': [
    'open-app-connectors',
    'add-box',
    'follow-link',
    'sign-in-allow',
    'success',
    'test-api',
    'already-proven',
  ],
  defender: [
    'open-app-connectors',
    'connect-an-app',
    'instance-name',
    'connect-box',
    'sign-in-allow',
    'success',
    'check-connected',
    'already-proven',
  ],
};

function guide(home: string, ...args: string[]) {
  const run = spawnSync(process.execPath, ['main/cli/bin.mjs', '--home', home, 'guide', ...args], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

/** Asserts each needle is found after the one before it; returns where the last one ends. */
function expectInOrder(text: string, needles: readonly string[], from = 0): number {
  let at = from;
  for (const needle of needles) {
    const found = text.indexOf(needle, at);
    expect(found, `“${needle}” after position ${at}`).toBeGreaterThanOrEqual(0);
    at = found + needle.length;
  }
  return at;
}

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('the portal half of the runbook', () => {
  it('each generation has its documented steps, in order, ending with what this app has proven', () => {
    for (const generation of PORTAL_GENERATIONS) {
      expect(portalStepIds(generation)).toEqual(DOCUMENTED[generation]);
      const last = PORTAL_STEPS[generation].at(-1)!;
      expect(last.instructions.join(' ')).toMatch(/the allowlist works, and the account is the Box Admin/);
      for (const step of PORTAL_STEPS[generation]) expect(step.expect.length).toBeGreaterThan(10);
    }
  });

  it.each(PORTAL_GENERATIONS)(
    'guide --portal %s: text, md, html and pdf carry every step in order after the Box half',
    (generation) => {
      const { home, cleanup } = makeTempHome('bcc-portal-');
      try {
        const boxTitles = buildWalkthrough({ dataCenter: 'EU2', consoleGeneration: 'custom-apps' }).steps.map(
          (s) => s.title,
        );
        const steps = PORTAL_STEPS[generation];
        const base = ['--dc', 'EU2', '--console', 'custom-apps', '--portal', generation];

        const text = flat(guide(home, ...base));
        let at = expectInOrder(text, [
          ...boxTitles.map((t) => `[ ] ${boxTitles.indexOf(t) + 1}. ${t}`),
          'Part 2: connect Box in the',
        ]);
        at = expectInOrder(
          text,
          steps.flatMap((s, i) => [`[ ] ${i + 1}. ${s.title}`, `You should see: ${s.expect}`]),
          at,
        );
        expectInOrder(text, ['If the portal shows an error', ...PORTAL_ERRORS.map((e) => e.message)], at);

        const md = guide(home, ...base, '--format', 'md');
        at = expectInOrder(md, ['## Part 1: in the Box Admin Console', ...boxTitles, '## Part 2: connect Box in the']);
        at = expectInOrder(
          md,
          steps.map((s, i) => `- [ ] **${i + 1}. ${s.title}**`),
          at,
        );
        expectInOrder(
          md,
          PORTAL_ERRORS.map((e) => `- **${e.message}**`),
          at,
        );

        const html = guide(home, ...base, '--format', 'html');
        at = expectInOrder(html, [...boxTitles.map(escapeHtml), '<h2>Part 2: connect Box in the']);
        expectInOrder(
          html,
          steps.flatMap((s) => [escapeHtml(s.title), escapeHtml(s.expect)]),
          at,
        );

        const exported = JSON.parse(
          execFileSync(
            process.execPath,
            ['main/cli/bin.mjs', '--home', home, '--json', 'guide', ...base, '--format', 'pdf'],
            {
              encoding: 'utf8',
            },
          ),
        ) as { path: string; portalGeneration: string };
        expect(exported.portalGeneration).toBe(generation);
        const pdf = flat(execFileSync('pdftotext', [exported.path, '-'], { encoding: 'utf8' }));
        at = expectInOrder(pdf, [...boxTitles, 'Part 2: connect Box in the']);
        at = expectInOrder(
          pdf,
          steps.flatMap((s) => [s.title, `You should see: ${s.expect}`]),
          at,
        );
        expectInOrder(pdf, ['If the portal shows an error', ...PORTAL_ERRORS.map((e) => e.message)], at);
      } finally {
        cleanup();
      }
    },
  );

  it('a bad --portal exits 2 naming the three generations', () => {
    const { home, cleanup } = makeTempHome('bcc-portal-');
    try {
      const run = spawnSync(
        process.execPath,
        ['main/cli/bin.mjs', '--home', home, 'guide', '--dc', 'US1', '--portal', 'mcas'],
        {
          encoding: 'utf8',
        },
      );
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('--portal must be one of cas-2016, mdca-classic, defender');
    } finally {
      cleanup();
    }
  });
});
