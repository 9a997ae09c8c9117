/**
 * The run-time validators of a policy file and an action spec: a policy handed over by a help
 * desk is untrusted input, checked field by field with a message naming the field.
 * Runs everywhere.
 */
import { z } from 'zod';
import { ACCESS_LEVELS } from '../scan/access-level';
import { INSPECTION_STATES } from '../scan/inspection';
import { POLICY_FORMAT, TEMPLATE_IDS, type ActionSpec, type Policy } from './types';

const DETECTOR_KINDS = ['card', 'iban', 'ssn', 'nino', 'email'] as const;
const domain = z
  .string()
  .max(253)
  .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'a domain such as gmail.com');
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/, 'an ISO date such as 2025-01-31')
  .refine((v) => !Number.isNaN(Date.parse(v)), 'a real date such as 2025-01-31');

export const policyIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and dashes');

export const actionSpecSchema: z.ZodType<ActionSpec> = z.discriminatedUnion('name', [
  z.object({ name: z.literal('remove-shared-link') }).strict(),
  z.object({ name: z.literal('restrict-shared-link'), access: z.enum(['company', 'collaborators']) }).strict(),
  z
    .object({
      name: z.literal('remove-external-collaborators'),
      domains: z
        .object({
          include: z.array(domain).min(1).max(500).optional(),
          exclude: z.array(domain).min(1).max(500).optional(),
        })
        .strict()
        .optional(),
    })
    .strict(),
  z.object({ name: z.literal('remove-collaborator'), login: z.string().min(3).max(320) }).strict(),
  z.object({ name: z.literal('quarantine') }).strict(),
  z.object({ name: z.literal('restore-from-quarantine') }).strict(),
  z.object({ name: z.literal('trash') }).strict(),
]);

export const policyFilterSchema = z
  .object({
    accessLevels: z.array(z.enum(ACCESS_LEVELS)).min(1).max(ACCESS_LEVELS.length).optional(),
    external: z
      .object({
        present: z.boolean().optional(),
        includeDomains: z.array(domain).min(1).max(500).optional(),
        excludeDomains: z.array(domain).min(1).max(500).optional(),
      })
      .strict()
      .optional(),
    detectors: z
      .object({
        mode: z.enum(['any', 'all']).optional(),
        min: z
          .array(z.object({ detector: z.enum(DETECTOR_KINDS), count: z.number().int().min(1).max(1e9) }).strict())
          .min(1)
          .max(DETECTOR_KINDS.length),
      })
      .strict()
      .optional(),
    owners: z.array(z.string().min(1).max(320)).min(1).max(1000).optional(),
    groups: z.array(z.string().min(1).max(255)).min(1).max(200).optional(),
    pathPrefix: z.string().min(1).max(4000).startsWith('/', 'a folder path starting with /').optional(),
    extensions: z
      .array(z.string().regex(/^[a-z0-9]{1,16}$/, 'an extension without the dot, lower case'))
      .min(1)
      .max(200)
      .optional(),
    size: z
      .object({ minBytes: z.number().int().min(0).optional(), maxBytes: z.number().int().min(0).optional() })
      .strict()
      .optional(),
    modified: z
      .object({
        before: isoDate.optional(),
        after: isoDate.optional(),
        olderThanDays: z.number().int().min(1).max(36500).optional(),
      })
      .strict()
      .optional(),
    inspection: z.array(z.enum(INSPECTION_STATES)).min(1).max(INSPECTION_STATES.length).optional(),
  })
  .strict();

export const policySchema: z.ZodType<Policy> = z
  .object({
    format: z.literal(POLICY_FORMAT),
    id: policyIdSchema,
    name: z.string().trim().min(1).max(120),
    description: z.string().max(2000).optional(),
    template: z.enum(TEMPLATE_IDS).optional(),
    filter: policyFilterSchema,
    action: actionSpecSchema.optional(),
    automatic: z
      .array(z.object({ action: actionSpecSchema, maxPerHour: z.number().int().min(1).max(10_000) }).strict())
      .max(7)
      .optional(),
    alerts: z.boolean().optional(),
  })
  .strict();
