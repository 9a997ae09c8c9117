/**
 * The operating system's trusted root certificates, where plain Node can read them (for the
 * CLI's --system-ca; the desktop app's Chromium stack uses the OS store itself):
 * - Node 22.15+ reads every OS store itself (`tls.getCACertificates('system')`): used first.
 * - Linux: the distribution's bundle file (where IT's update-ca-certificates puts their root).
 * - macOS: the System keychain (where IT installs roots) and the system roots, via `security`.
 * - Windows on Node 20: not readable without a native module; the result says so and the
 *   fix is --ca-file with the root exported from certmgr, or the desktop app.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as tls from 'node:tls';

export interface SystemCertificates {
  certificates: string[];
  /** Where they came from, or why there are none. */
  source: string;
}

const LINUX_BUNDLES = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/ssl/ca-bundle.pem',
  '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem',
  '/etc/ssl/cert.pem',
];

const MAC_KEYCHAINS = [
  '/Library/Keychains/System.keychain',
  '/System/Library/Keychains/SystemRootCertificates.keychain',
];

/** Splits a PEM bundle into its certificates. */
export function pemCertificates(text: string): string[] {
  return text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}

type CaReader = { getCACertificates?: (type: 'system') => string[] };

export function systemCertificates(platform: NodeJS.Platform = process.platform): SystemCertificates {
  const reader = (tls as unknown as CaReader).getCACertificates;
  if (typeof reader === 'function') return { certificates: reader('system'), source: 'the OS store (Node)' };
  if (platform === 'darwin') return macCertificates();
  if (platform === 'win32')
    return {
      certificates: [],
      source: 'none: Node 20 cannot read the Windows store; export the root certificate and use --ca-file',
    };
  const bundle = LINUX_BUNDLES.find((file) => existsSync(file));
  if (!bundle) return { certificates: [], source: 'none: no CA bundle found in /etc' };
  return { certificates: pemCertificates(readFileSync(bundle, 'utf8')), source: bundle };
}

function macCertificates(): SystemCertificates {
  try {
    const pem = execFileSync('security', ['find-certificate', '-a', '-p', ...MAC_KEYCHAINS], { encoding: 'utf8' });
    return { certificates: pemCertificates(pem), source: 'the macOS System keychain' };
  } catch (error) {
    return { certificates: [], source: `none: ${error instanceof Error ? error.message : String(error)}` };
  }
}
