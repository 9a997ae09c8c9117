/**
 * The four templates' meaning written again from the sandbox's ground truth, by code of its
 * own (no app code): which files each template should match once a scan has read them. The
 * CI test (test/integration/policy/templates-truth.test.ts) and the 100,000-file bench share it.
 */
import { PERSONAL_EMAIL_DOMAINS } from '../../common/policy/templates';
import type { TemplateId } from '../../common/policy/types';

/** The truth fields the templates read (a subset of a file's truth entry). */
export interface TemplateTruthFile {
  id: string;
  owner_id: string;
  trashed: boolean;
  has_text: boolean;
  sensitive: Record<'card' | 'iban' | 'ssn' | 'nino' | 'email', number> | null;
  shared_effective: string | null;
  external_collaborators: string[];
  modified_at: string;
}

/** The ids each template should match; files of external owners are out of the scan's reach. */
export function expectedMatches(
  files: Iterable<TemplateTruthFile>,
  externalOwners: Set<string>,
  now = Date.now(),
): Record<TemplateId, string[]> {
  const personal = new Set<string>(PERSONAL_EMAIL_DOMAINS);
  const staleBefore = now - 180 * 86_400_000;
  const out: Record<TemplateId, string[]> = {
    'public-card-numbers': [],
    'personal-email-domains': [],
    'sensitive-shared-externally': [],
    'stale-public-links': [],
  };
  for (const f of files) {
    if (f.trashed || externalOwners.has(f.owner_id)) continue; // the scan cannot reach these
    const open = f.shared_effective === 'open';
    const s = f.has_text && f.sensitive ? f.sensitive : null;
    const anySensitive = s !== null && s.card + s.iban + s.ssn + s.nino + s.email > 0;
    if (open && s && s.card > 0) out['public-card-numbers'].push(f.id);
    if (f.external_collaborators.some((l) => personal.has(l.split('@')[1]!.toLowerCase())))
      out['personal-email-domains'].push(f.id);
    if (anySensitive && (open || f.external_collaborators.length > 0)) out['sensitive-shared-externally'].push(f.id);
    if (open && Date.parse(f.modified_at) < staleBefore) out['stale-public-links'].push(f.id);
  }
  return out;
}

/** How many files each template should match. */
export function expectedCounts(
  files: Iterable<TemplateTruthFile>,
  externalOwners: Set<string>,
  now = Date.now(),
): Record<TemplateId, number> {
  const ids = expectedMatches(files, externalOwners, now);
  return Object.fromEntries(Object.entries(ids).map(([id, list]) => [id, list.length])) as Record<TemplateId, number>;
}
