/**
 * The scan part of the bridge contract: controls (start, pause, resume, stop, rescan), status,
 * the read queries behind the dashboard (findings, activity, not scanned, coverage, queue) and
 * export. Progress arrives as the `scanProgress` event (at most 10 a second).
 * Spread into contract.ts. Runs everywhere.
 */
import { z } from 'zod';
import { ACCESS_LEVELS } from '../scan/access-level';
import { INSPECTION_REASONS, INSPECTION_STATES, type InspectionReason } from '../scan/inspection';
import { noArgs } from './no-args';
import type { ActivityPage, FindingsPage, NotScannedPage, QueueView, ScanProgress, UserCoverage } from '../scan/types';

const page = { offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(100) };

export const FILE_STATUSES = ['scanned', 'failed', 'not scanned', 'queued', 'gone'] as const;
export const FINDINGS_SORTS = [
  'name',
  'path',
  'owner',
  'accessLevel',
  'inspection',
  'findings',
  'status',
  'scannedAt',
] as const;

export const scanCallArgs = {
  /** Backfill: `days` (default 7; 60 for the older behaviour), `since` an ISO date, or `noBackfill`. */
  startScan: z
    .object({
      days: z.number().int().min(1).max(365).optional(),
      since: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}/, 'an ISO date such as 2025-01-31')
        .optional(),
      noBackfill: z.boolean().optional(),
    })
    .strict(),
  pauseScan: noArgs,
  resumeScan: noArgs,
  stopScan: noArgs,
  rescanAll: noArgs,
  rescanFile: z.object({ fileId: z.string().regex(/^\d+$/, 'a Box file id') }).strict(),
  getScanStatus: noArgs,
  /** Writes the findings under <home>/exports/ and returns the path. */
  exportFindings: z.object({ format: z.enum(['csv', 'json']) }).strict(),
  /** Findings table: filters (any of the listed values), text search on name and owner login, sort, page. */
  listFindings: z
    .object({
      accessLevels: z.array(z.enum(ACCESS_LEVELS)).max(5).optional(),
      inspection: z.array(z.enum(INSPECTION_STATES)).max(INSPECTION_STATES.length).optional(),
      /** Only files Failed or Partially scanned for one of these reasons. */
      reasons: z
        .array(z.enum(Object.keys(INSPECTION_REASONS) as [InspectionReason, ...InspectionReason[]]))
        .max(Object.keys(INSPECTION_REASONS).length)
        .optional(),
      status: z.array(z.enum(FILE_STATUSES)).max(5).optional(),
      /** Only files with at least one sensitive-data finding. */
      sensitiveOnly: z.boolean().optional(),
      search: z.string().max(200).optional(),
      sort: z.enum(FINDINGS_SORTS).default('name'),
      order: z.enum(['asc', 'desc']).default('asc'),
      ...page,
    })
    .strict(),
  /** Stored activity (backfill and live), newest first. */
  listActivity: z
    .object({
      types: z
        .array(z.string().regex(/^[A-Z_]+$/, 'an event type such as EDIT'))
        .max(50)
        .optional(),
      /** Actor login, exact (case-insensitive). */
      user: z.string().max(320).optional(),
      fileId: z.string().regex(/^\d+$/, 'a Box file id').optional(),
      readOnly: z.boolean().optional(),
      source: z.enum(['backfill', 'live']).optional(),
      ...page,
    })
    .strict(),
  listNotScanned: z.object(page).strict(),
  getScanCoverage: noArgs,
  getScanQueue: z.object({ limit: z.number().int().min(1).max(100).default(10) }).strict(),
};

export interface ScanCallResults {
  startScan: ScanProgress;
  pauseScan: ScanProgress;
  resumeScan: ScanProgress;
  stopScan: ScanProgress;
  rescanAll: ScanProgress;
  rescanFile: ScanProgress;
  getScanStatus: ScanProgress;
  exportFindings: { path: string; format: 'csv' | 'json'; files: number; bytes: number };
  listFindings: FindingsPage;
  listActivity: ActivityPage;
  listNotScanned: NotScannedPage;
  getScanCoverage: { users: UserCoverage[] };
  getScanQueue: QueueView;
}
