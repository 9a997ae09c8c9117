/**
 * The four shipped policy templates. A policy made from one keeps the template's id (suffixed
 * -2, -3 when taken) and its `template` field. Runs everywhere.
 */
import type { DetectorKind } from '../scan/detectors';
import { POLICY_FORMAT, type Policy, type PolicyTemplate, type TemplateId } from './types';

/** Free mail providers: a collaborator there is a person, not a partner company. */
export const PERSONAL_EMAIL_DOMAINS = [
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'yahoo.co.uk',
  'ymail.com',
  'outlook.com',
  'hotmail.com',
  'hotmail.co.uk',
  'live.com',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'gmx.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  'mail.com',
  'proton.me',
  'protonmail.com',
  'zoho.com',
  'yandex.com',
  'fastmail.com',
  'tutanota.com',
] as const;

const EVERY_DETECTOR: DetectorKind[] = ['card', 'iban', 'ssn', 'nino', 'email'];

function template(
  id: TemplateId,
  name: string,
  description: string,
  rest: Omit<Policy, 'format' | 'id' | 'name'>,
): PolicyTemplate {
  return { id, name, description, policy: { format: POLICY_FORMAT, id, name, description, template: id, ...rest } };
}

export const TEMPLATES: readonly PolicyTemplate[] = [
  template(
    'public-card-numbers',
    'Public files with card numbers',
    'Files anyone with the link can open (with or without a password) that hold at least one card number.',
    {
      filter: { accessLevels: ['Public (Internet)', 'Public'], detectors: { min: [{ detector: 'card', count: 1 }] } },
      action: { name: 'remove-shared-link' },
    },
  ),
  template(
    'personal-email-domains',
    'Files shared with personal e-mail domains',
    'Files with a collaborator at a free mail provider (gmail.com, outlook.com, …), on the file or inherited.',
    {
      filter: { external: { includeDomains: [...PERSONAL_EMAIL_DOMAINS] } },
      action: { name: 'remove-external-collaborators' },
    },
  ),
  template(
    'sensitive-shared-externally',
    'Sensitive files shared externally',
    'Files holding sensitive data (any detector) that have external collaborators or a public link.',
    {
      // Most exposed wins: Public (Internet) and Public are an open link, External is an
      // external collaborator without one; together, "external collaborators or a public link".
      filter: {
        accessLevels: ['Public (Internet)', 'Public', 'External'],
        detectors: { mode: 'any', min: EVERY_DETECTOR.map((detector) => ({ detector, count: 1 })) },
      },
      action: { name: 'quarantine' },
    },
  ),
  template(
    'stale-public-links',
    'Stale public links (not modified in 180 days)',
    'Files with a public link (with or without a password) not modified in the last 180 days.',
    {
      filter: { accessLevels: ['Public (Internet)', 'Public'], modified: { olderThanDays: 180 } },
      action: { name: 'restrict-shared-link', access: 'company' },
    },
  ),
];

export function templateById(id: TemplateId): PolicyTemplate {
  const t = TEMPLATES.find((x) => x.id === id);
  if (!t) throw new Error(`no template ${id}`);
  return t;
}
