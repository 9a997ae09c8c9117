/**
 * `sandbox --tls`: a private certificate authority made for this run and a server certificate
 * it signs, so a client trusts the sandbox only when given the CA (as a TLS-inspecting
 * proxy's root must be given to a workstation). The CA's name is what the connection test
 * reports when the certificate is refused.
 */
import { generate } from 'selfsigned';

export const SANDBOX_CA_NAME = 'Box Companion Sandbox Inspection CA';

export interface SandboxTls {
  /** PEM: the CA certificate, for clients to trust (written to `caFile`). */
  caCert: string;
  key: string;
  cert: string;
}

const YEAR_MS = 365 * 86_400_000;

export async function makeSandboxTls(hostname: string): Promise<SandboxTls> {
  const notBeforeDate = new Date(Date.now() - 60_000);
  const notAfterDate = new Date(Date.now() + YEAR_MS);
  const ca = await generate(
    [
      { name: 'commonName', value: SANDBOX_CA_NAME },
      { name: 'organizationName', value: 'Box Connect Companion sandbox' },
    ],
    {
      keyType: 'ec',
      algorithm: 'sha256',
      notBeforeDate,
      notAfterDate,
      extensions: [
        { name: 'basicConstraints', cA: true, critical: true },
        { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
      ],
    },
  );
  const leaf = await generate([{ name: 'commonName', value: hostname }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: hostname },
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return { caCert: ca.cert, key: leaf.private, cert: leaf.cert };
}
