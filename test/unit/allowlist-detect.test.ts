import { describe, expect, it } from 'vitest';
import { detectDataCenter, detectionMessage, extractHost } from '../../common/allowlist';

const SHAPES: Record<string, string[]> = {
  US1: [
    'https://contoso.us.portal.cloudappsecurity.com',
    'contoso.us.portal.cloudappsecurity.com',
    'CONTOSO.US.PORTAL.CLOUDAPPSECURITY.COM.',
    'API URL: https://contoso.us.portal.cloudappsecurity.com/#/settings?tab=about',
  ],
  US2: [
    'https://tenant2.us2.portal.cloudappsecurity.com',
    'tenant2.us2.portal.cloudappsecurity.com:443/api/v1',
    'http://Tenant2.Us2.Portal.CloudAppSecurity.com/?x=1#y',
  ],
  US3: [
    'https://t.us3.portal.cloudappsecurity.com/',
    't.us3.portal.cloudappsecurity.com.',
    '“https://t.us3.portal.cloudappsecurity.com”',
  ],
  EU1: [
    'https://contoso.eu.portal.cloudappsecurity.com',
    'contoso.eu.portal.cloudappsecurity.com/#/dashboard',
    'Contoso.EU.portal.cloudappsecurity.com:8443',
  ],
  EU2: [
    'https://c.eu2.portal.cloudappsecurity.com',
    'c.eu2.portal.cloudappsecurity.com',
    '  HTTPS://C.EU2.PORTAL.CLOUDAPPSECURITY.COM/path?q  ',
  ],
  ADALLOM: ['https://contoso.adallom.com/#/console', 'contoso.adallom.com', 'HTTPS://APP.ADALLOM.COM.:443/x'],
};

describe('data center detection from what the admin pastes', () => {
  for (const [dataCenter, inputs] of Object.entries(SHAPES)) {
    for (const input of inputs) {
      it(`${JSON.stringify(input)} → ${dataCenter}`, () => {
        expect(detectDataCenter(input)).toMatchObject({ kind: 'found', dataCenter });
      });
    }
  }

  it('<tenant>.us.portal is US1 and <tenant>.eu.portal is EU1 (not US2/EU2)', () => {
    expect(detectDataCenter('x.us.portal.cloudappsecurity.com')).toMatchObject({ dataCenter: 'US1' });
    expect(detectDataCenter('x.eu.portal.cloudappsecurity.com')).toMatchObject({ dataCenter: 'EU1' });
  });

  it('accepts the About page’s Data center value typed as is', () => {
    expect(detectDataCenter(' eu2 ')).toMatchObject({ kind: 'found', dataCenter: 'EU2' });
  });

  it('recognises government clouds and answers honestly, without a key', () => {
    for (const input of [
      'https://agency.us1.portal.cloudappsecurity.us',
      'agency.us1.portal.cloudappsecuritygov.com/#/',
      'AGENCY.US1.PORTAL.CLOUDAPPSECURITY.US.',
    ]) {
      const detection = detectDataCenter(input);
      expect(detection.kind).toBe('government');
      expect(detectionMessage(detection)).toContain('No Box allowlist key is published for government clouds');
    }
  });

  it('refuses look-alike hosts and garbage, saying what to paste and where to find it', () => {
    for (const input of [
      'https://evil.com/contoso.us.portal.cloudappsecurity.com',
      'contoso.us.portal.cloudappsecurity.com.evil.com',
      'notadallom.com',
      'hello',
      '!!!',
      'https://',
      'box.com',
    ]) {
      const detection = detectDataCenter(input);
      expect(detection.kind, input).toBe('unrecognised');
      const message = detectionMessage(detection);
      expect(message).toContain('Settings > Cloud Apps > System > About');
      expect(message).toContain('“?” menu');
    }
    expect(detectDataCenter('   ').kind).toBe('empty');
  });

  it('names an unknown region (such as us1 on the commercial portal) instead of guessing', () => {
    const detection = detectDataCenter('contoso.us1.portal.cloudappsecurity.com');
    expect(detection).toMatchObject({ kind: 'unknown-region', label: 'us1' });
    expect(detectionMessage(detection)).toContain('“us” is US1');
  });

  it('extracts the host past scheme, credentials, port, path, query and trailing dot', () => {
    expect(extractHost('https://user:pw@Host.Example.com.:8443/a/b?c=d#e')).toBe('host.example.com');
    expect(extractHost('no host here')).toBeNull();
  });
});
