/** The audit export's folder is the user's alone (0700), made so or narrowed if made wider before. */
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { exportAuditFile } from '../../main/core/governance/audit-export';
import { AUDIT_FILE, AuditStore } from '../../main/core/governance/audit-store';
import { makeTempHome } from '../helpers/temp-home';

let temp: ReturnType<typeof makeTempHome>;
beforeEach(() => (temp = makeTempHome('bcc-audit-export-')));
afterEach(() => temp.cleanup());

const modeOf = (path: string) => statSync(path).mode & 0o777;

it.skipIf(process.platform === 'win32')(
  'writes into an exports folder only the user can open (POSIX modes: skipped on Windows, which has none)',
  async () => {
    const store = new AuditStore(join(temp.home, AUDIT_FILE));
    const out = await exportAuditFile(store, temp.home, 'csv');
    expect(modeOf(join(temp.home, 'exports'))).toBe(0o700);
    expect(modeOf(out.path)).toBe(0o600);
    // Made wider by something else before (0755): narrowed on the next export.
    const other = makeTempHome('bcc-audit-export-');
    mkdirSync(join(other.home, 'exports'), { mode: 0o755 });
    await exportAuditFile(store, other.home, 'json');
    expect(modeOf(join(other.home, 'exports'))).toBe(0o700);
    other.cleanup();
    store.close();
  },
);
