/**
 * Sign-in from the CLI against the sandbox enterprise: `box-companion connect --no-browser`
 * prints the authorize URL, a real Chromium clicks "Grant access to Box" on the consent page,
 * and the CLI ends connected as the sandbox admin with the tokens in gnome-keyring only.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { expect, test } from '@playwright/test';
import { makeTempHome, readAllFiles } from '../helpers/temp-home';
import { startSandboxProcess } from './support/sandbox-process';

function cli(home: string, ...args: string[]) {
  return spawn(process.execPath, ['main/cli/bin.mjs', '--home', home, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

function listeners(): string {
  return execFileSync('ss', ['-ltn'], { encoding: 'utf8' });
}

test('connect from the CLI: consent clicked in Chromium, Connected as the sandbox admin, tokens only in the keychain', async ({
  page,
}) => {
  const sandbox = await startSandboxProcess();
  const { home, cleanup } = makeTempHome('bcc-connect-');
  try {
    const child = cli(home, 'connect', '--sandbox-url', sandbox.info.apiUrl, '--no-browser', '--json');
    const lines = createInterface({ input: child.stdout! });
    const stdout: string[] = [];
    const first = new Promise<string>((resolve) => lines.once('line', resolve));
    lines.on('line', (line) => stdout.push(line));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

    const { authorizeUrl } = JSON.parse(await first) as { authorizeUrl: string };
    const redirect = new URL(new URL(authorizeUrl).searchParams.get('redirect_uri')!);
    expect(redirect.hostname).toBe('127.0.0.1');
    // The listener is bound to the loopback address only.
    expect(listeners()).toContain(`127.0.0.1:${redirect.port}`);
    expect(listeners()).not.toMatch(new RegExp(`(0\\.0\\.0\\.0|\\*|\\[::\\]):${redirect.port}\\b`));

    await page.goto(authorizeUrl);
    await expect(page.getByText('Box Connect Companion', { exact: false }).first()).toBeVisible();
    await page.getByRole('button', { name: 'Grant access to Box' }).click();
    await expect(page.getByRole('heading', { name: 'Signed in to Box' })).toBeVisible();
    expect(page.url()).not.toContain('code=');

    expect(await exited).toBe(0);
    const result = JSON.parse(stdout.at(-1)!) as {
      status: string;
      user: { role: string; login: string };
      enterprise: { id: string } | null;
    };
    expect(result.status).toBe('connected');
    expect(result.user.role).toBe('admin');
    expect(result.enterprise).not.toBeNull();
    // The listener is gone once the sign-in is over.
    expect(listeners()).not.toContain(`127.0.0.1:${redirect.port} `);

    // Where the tokens ended up: the sandbox issued them, the keychain holds them, no file does.
    const issued = (await (await fetch(`${sandbox.info.controlUrl}/tokens`)).json()) as {
      entries: { kind: string; token: string; state: string }[];
    };
    const active = issued.entries.filter((token) => token.state === 'active');
    expect(active.map((token) => token.kind).sort()).toEqual(['access', 'refresh']);
    const stored = execFileSync(
      'secret-tool',
      ['lookup', 'service', process.env.BOX_COMPANION_KEYCHAIN_SERVICE!, 'account', `tokens:${sandbox.info.clientId}`],
      { encoding: 'utf8' },
    );
    for (const token of active) expect(stored).toContain(token.token);
    for (const file of readAllFiles(home))
      for (const token of active) expect(file.bytes.includes(Buffer.from(token.token)), file.path).toBe(false);

    const status = execFileSync(process.execPath, ['main/cli/bin.mjs', '--home', home, 'status'], { encoding: 'utf8' });
    expect(status).toContain('Connected to the sandbox enterprise as');

    // Disconnect: nothing left in the keychain, both tokens revoked at the sandbox.
    execFileSync(process.execPath, ['main/cli/bin.mjs', '--home', home, 'disconnect']);
    const after = (await (await fetch(`${sandbox.info.controlUrl}/tokens`)).json()) as {
      entries: { token: string; state: string }[];
    };
    for (const token of active)
      expect(after.entries.find((entry) => entry.token === token.token)?.state).toBe('revoked');
    expect(() =>
      execFileSync('secret-tool', [
        'lookup',
        'service',
        process.env.BOX_COMPANION_KEYCHAIN_SERVICE!,
        'account',
        `tokens:${sandbox.info.clientId}`,
      ]),
    ).toThrow();
  } finally {
    await sandbox.stop();
    cleanup();
  }
});
