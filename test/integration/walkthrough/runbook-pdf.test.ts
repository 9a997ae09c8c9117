import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildWalkthrough, dataCenter } from '../../../common/allowlist';
import { createNodeCore } from '../../../main/core/create-node-core';
import { makeTempHome } from '../../helpers/temp-home';

/** Opens a PDF with poppler's pdftotext: proof that a real reader can parse and render it. */
function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

describe('the PDF runbook', () => {
  it('exported through the bridge handler: opens in a PDF reader and holds the key, every step and the date', async () => {
    const { home, cleanup } = makeTempHome('bcc-pdf-');
    const core = createNodeCore(home, 'cli');
    try {
      const exported = await core.handlers.exportRunbook({
        dataCenter: 'US2',
        consoleGeneration: 'apps-manager',
        format: 'pdf',
      });
      expect(exported.path.startsWith(`${home}/exports/`)).toBe(true);
      expect(readFileSync(exported.path).subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
      const info = execFileSync('pdfinfo', [exported.path], { encoding: 'utf8' });
      expect(info).toMatch(/Pages:\s+1/);
      const text = pdfText(exported.path);
      expect(text).toContain(dataCenter('US2').allowlistKey);
      for (const step of buildWalkthrough({ dataCenter: 'US2', consoleGeneration: 'apps-manager' }).steps)
        expect(text).toContain(step.title);
      expect(text).toMatch(/Generated \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
      expect(text).toContain('“Disable unpublished apps by default”'); // typographic quotes survive
    } finally {
      core.dispose();
      cleanup();
    }
  });

  it('the CLI writes one for ADALLOM with --format pdf', () => {
    const { home, cleanup } = makeTempHome('bcc-pdf-');
    try {
      const run = spawnSync(
        process.execPath,
        ['main/cli/bin.mjs', '--home', home, '--json', 'guide', '--dc', 'ADALLOM', '--format', 'pdf'],
        { encoding: 'utf8' },
      );
      expect(run.status).toBe(0);
      const { path } = JSON.parse(run.stdout) as { path: string };
      expect(pdfText(path)).toContain(dataCenter('ADALLOM').allowlistKey);
    } finally {
      cleanup();
    }
  });
});
