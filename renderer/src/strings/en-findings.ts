/** Part of `en` (strings/en.ts): the findings screen's strings. */
import { INSPECTION_REASONS, type InspectionReason } from '../../../common/scan/inspection';
import { n as num } from './format';

export const findings = {
  heading: 'Findings',
  intro: 'Every file the scan found, with who can reach it and what its content holds.',
  filters: 'Filters',
  accessLevel: 'Access level',
  anyAccess: 'Any access level',
  inspection: 'Content',
  anyInspection: 'Any content state',
  reason: 'Reason',
  anyReason: 'Any reason',
  status: 'Scan status',
  anyStatus: 'Any status',
  sensitiveOnly: 'Only files with sensitive data',
  search: 'Search by file name or owner',
  clear: 'Clear filters',
  total: (shown: number, all: number) => (shown === all ? `${num(shown)} files` : `${num(shown)} of ${num(all)} files`),
  tableLabel: 'Files by access level, owner, external collaborators and content',
  columns: {
    name: 'File',
    accessLevel: 'Access level',
    owner: 'Owner',
    external: 'External collaborators',
    inspection: 'Content',
    reason: 'Reason or method',
    status: 'Status',
    scannedAt: 'Scanned',
  },
  /** A reason code as the connector labels it; a reason stored as words by an older version as it is. */
  reasonText: (reason: string | null): string | null =>
    reason === null || reason === ''
      ? null
      : Object.hasOwn(INSPECTION_REASONS, reason)
        ? INSPECTION_REASONS[reason as InspectionReason]
        : reason,
  /** How a Completed (or partially scanned) file's text was read. */
  method: { local: 'read locally', 'box-text': 'Box text' },
  openRow: (name: string) => `${name}: show where its sensitive data is`,
  locations: {
    heading: 'Where the sensitive data is',
    close: 'Close',
    closeHint: 'Escape closes this panel.',
    state: 'Content',
    reason: 'Reason',
    method: 'Read',
    path: 'Folder',
    owner: 'Owner',
    accessLevel: 'Access level',
    external: 'External collaborators',
    scannedAt: 'Scanned',
    where: 'Where',
    masked: 'Value (masked)',
    none: 'No sensitive data was found in this file.',
    notInspected: 'The content of this file was not inspected, so there are no locations.',
    noPlaces: 'Found, but the places were not recorded (inspected before this version).',
    shown: (shown: number, total: number) =>
      shown < total ? `first ${num(shown)} of ${num(total)} shown` : `${num(total)} found`,
    tableLabel: (detector: string) => `${detector}: where each was found, masked`,
  },
  detectors: {
    card: 'Card numbers',
    iban: 'IBANs',
    ssn: 'US Social Security numbers',
    nino: 'UK National Insurance numbers',
    email: 'Email addresses',
  },
  none: 'None',
  noRows: 'No file matches these filters.',
  sensitive: { card: 'cards', iban: 'IBANs', ssn: 'SSNs', nino: 'NI numbers', email: 'emails' },
  /** One of each: "1 card", not "1 cards". */
  sensitiveOne: { card: 'card', iban: 'IBAN', ssn: 'SSN', nino: 'NI number', email: 'email' },
  breakdown: 'By access level',
  breakdownLabel: 'Number of files at each access level',
  exportCsv: 'Export CSV',
  exportJson: 'Export JSON',
  exported: (path: string, files: number) => `Saved ${num(files)} files to ${path}`,
  exportFailed: 'The export did not complete.',
} as const;
