/**
 * Review finding 11 (issue 13): the core child must not crash when it posts after its host has
 * gone (Node's process.send on a closed channel emits ERR_IPC_CHANNEL_CLOSED as an 'error' on
 * the next tick, which nobody listens to: exit 1 mid-dispose, the scan's last writes lost).
 */
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const child = fileURLToPath(new URL('../../helpers/core-posts-after-host-gone.ts', import.meta.url));
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

describe('the core child when its host is gone', () => {
  it('keeps running (and exits cleanly) when it posts after the channel closed', async () => {
    const proc = fork(child, [], {
      execArgv: ['--import', tsx],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    });
    let stderr = '';
    proc.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    await new Promise<void>((resolve) => proc.once('message', () => resolve()));
    const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
    proc.disconnect();
    const code = await exited;
    expect(stderr).not.toContain('ERR_IPC_CHANNEL_CLOSED');
    expect(code).toBe(0);
  }, 20_000);
});
