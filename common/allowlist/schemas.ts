/**
 * zod validators for the walkthrough's ids, kept apart from the data so the UI can use the
 * table and the rules without bundling zod; the bridge contract and settings import these.
 */
import { z } from 'zod';
import { CONSOLE_GENERATIONS } from './consoles';
import { DATA_CENTER_IDS } from './data-centers';
import { PORTAL_GENERATIONS } from './portals';
import { RUNBOOK_FORMATS } from './runbook-formats';

export const dataCenterIdSchema = z.enum(DATA_CENTER_IDS);
export const consoleGenerationSchema = z.enum(CONSOLE_GENERATIONS);
export const runbookFormatSchema = z.enum(RUNBOOK_FORMATS);
export const portalGenerationSchema = z.enum(PORTAL_GENERATIONS);
