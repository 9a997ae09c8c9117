import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBuilderConfig, missingFiles, packagedFiles, pngSize, schemaErrors } from '../../helpers/packaging-check';

const config = loadBuilderConfig();

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s own configuration schema', () => {
    expect(schemaErrors(config)).toEqual([]);
  });

  it('is refused by the same check when broken', () => {
    expect(schemaErrors({ ...config, nsis: { perMachine: 'sometimes' } }).join('\n')).toMatch(/perMachine/);
    expect(schemaErrors({ ...config, electronFuze: { runAsNode: false } }).join('\n')).toMatch(
      /must NOT have additional properties.*electronFuze/,
    );
    expect(missingFiles({ ...config, win: { icon: 'assets/no-such-icon.ico' } })).toEqual(['assets/no-such-icon.ico']);
  });

  it('validates the managed-deployment targets (msi, pkg) by the same schema, and refuses them broken', () => {
    expect((config.win as { target: string[] }).target).toEqual(expect.arrayContaining(['nsis', 'zip', 'msi']));
    expect((config.mac as { target: string[] }).target).toEqual(expect.arrayContaining(['dmg', 'zip', 'pkg']));
    expect(schemaErrors({ ...config, msi: { ...(config.msi as object), perMachine: 'yes' } }).join('\n')).toMatch(
      /\/msi\/perMachine must be boolean/,
    );
    expect(schemaErrors({ ...config, msi: { ...(config.msi as object), silent: true } }).join('\n')).toMatch(
      /\/msi must NOT have additional properties.*silent/,
    );
    expect(
      schemaErrors({ ...config, pkg: { ...(config.pkg as object), overwriteAction: 'replace' } }).join('\n'),
    ).toMatch(/\/pkg\/overwriteAction/);
  });

  it('installs per machine and silently from the msi, into /Applications from the pkg', () => {
    // Silent-install friendly: every user of the machine, no dialogs, the app not started by the
    // installer (which runs as SYSTEM), one upgrade code so a new version replaces the old.
    expect(config.msi).toMatchObject({ perMachine: true, oneClick: true, runAfterFinish: false });
    expect((config.msi as { upgradeCode: string }).upgradeCode).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    expect(config.pkg).toMatchObject({
      installLocation: '/Applications',
      allowCurrentUserHome: false,
      isRelocatable: false,
      overwriteAction: 'upgrade',
      mustClose: [config.appId],
    });
  });

  it('names only files that exist', () => {
    expect(missingFiles(config)).toEqual([]);
  });

  it('builds a hardened release: fuses set, per-user Windows install, deb declares libsecret', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
    });
    expect(config.nsis).toMatchObject({ perMachine: false, allowElevation: false });
    expect((config.deb as { depends: string[] }).depends).toContain('libsecret-1-0');
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.mac).toMatchObject({ hardenedRuntime: true, notarize: true });
  });
});

describe('what goes into the package', () => {
  it.skipIf(!existsSync('out/main/index.js'))(
    'is the built app only: no tests, harness, sources or source maps',
    () => {
      const files = packagedFiles(config);
      expect(files).toEqual(
        expect.arrayContaining([
          'package.json',
          'out/main/index.js',
          'out/preload/index.cjs',
          'out/renderer/index.html',
        ]),
      );
      const offending = files.filter(
        (file) => /^(test|main|renderer|preload|common)\//.test(file) || file.endsWith('.map') || file.endsWith('.ts'),
      );
      expect(offending).toEqual([]);
      // The harness (WebSocket bridge) is never bundled into the app's main process.
      const mainBundle = readFileSync('out/main/index.js', 'utf8');
      expect(mainBundle).not.toContain('bridge-token');
      expect(mainBundle).not.toContain('WebSocketServer');
    },
  );
});

describe('icons', () => {
  it('exist in every size each platform needs, from the one SVG source', () => {
    expect(existsSync('assets/icon.svg')).toBe(true);
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      expect(pngSize(readFileSync(join('assets/icons', `${size}x${size}.png`))), `${size}px`).toEqual({
        width: size,
        height: size,
      });
    }
    // Windows: an .ico holding 16…256 px.
    const ico = readFileSync('assets/icon.ico');
    const count = ico.readUInt16LE(4);
    const icoSizes = Array.from({ length: count }, (_, index) => ico.readUInt8(6 + 16 * index) || 256);
    expect(icoSizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    // macOS: an .icns with 16…1024 px entries.
    const icns = readFileSync('assets/icon.icns');
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let offset = 8; offset < icns.length; offset += icns.readUInt32BE(offset + 4))
      types.push(icns.subarray(offset, offset + 4).toString('ascii'));
    expect(types).toEqual(expect.arrayContaining(['icp4', 'icp5', 'ic07', 'ic08', 'ic09', 'ic10']));
  });
});
