import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildWalkthrough, dataCenter } from '../../../common/allowlist';
import { makeTempHome } from '../../helpers/temp-home';

function cli(...args: string[]) {
  const { home, cleanup } = makeTempHome('bcc-guide-');
  try {
    return spawnSync(process.execPath, ['main/cli/bin.mjs', '--home', home, ...args], { encoding: 'utf8' });
  } finally {
    cleanup();
  }
}

describe('box-companion guide', () => {
  it('--dc EU2 --format md prints a runbook with the EU2 key, every step with a box, and the date', () => {
    const run = cli('guide', '--dc', 'EU2', '--format', 'md');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(dataCenter('EU2').allowlistKey);
    for (const step of buildWalkthrough({ dataCenter: 'EU2', consoleGeneration: 'platform' }).steps) {
      expect(run.stdout).toContain(`- [ ] **${step.number}. ${step.title}**`);
    }
    expect(run.stdout).toMatch(/Generated \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
  });

  it('--portal-url detects the data center; --console picks the steps; html is self-contained', () => {
    const run = cli(
      'guide',
      '--portal-url',
      'https://Contoso.EU.portal.cloudappsecurity.com/#/about',
      '--console',
      'classic',
      '--format',
      'html',
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(dataCenter('EU1').allowlistKey);
    expect(run.stdout).toContain('Enterprise Settings');
    expect(run.stdout).not.toMatch(/<script|https?:\/\/(?!tenant)[a-z]/);
  });

  it('a government cloud URL exits 1 with the honest answer', () => {
    const run = cli('guide', '--portal-url', 'https://agency.us1.portal.cloudappsecuritygov.com');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('No Box allowlist key is published for government clouds');
    expect(run.stdout).toBe('');
  });

  it.each([
    [['--dc', 'US9'], '--dc must be one of US1, US2, US3, EU1, EU2, ADALLOM'],
    [['--dc', 'US1', '--console', 'newest'], '--console must be one of classic, custom-apps, apps-manager, platform'],
    [['--dc', 'US1', '--format', 'docx'], '--format must be one of text, md, html, pdf'],
    [['--portal-url', 'https://example.com'], 'Settings > Cloud Apps > System > About'],
    [['--dc', 'US1', '--portal-url', 'x.eu2.portal.cloudappsecurity.com'], 'does not match'],
    [[], 'say which data center'],
  ])('bad options %j exit 2 with a clear message', (args, message) => {
    const run = cli('guide', ...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
