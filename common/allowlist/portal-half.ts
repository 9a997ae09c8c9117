/**
 * The portal half of a walkthrough, resolved for one portal generation: its steps numbered as
 * printed, each with what the admin should see, and the portal's errors with our explanations.
 * The UI and every runbook format start from this. Runs everywhere.
 */
import { PORTAL_ERRORS, PORTAL_STEPS, type PortalError } from './portal-steps';
import { portalGenerationInfo, type PortalGeneration, type PortalGenerationInfo } from './portals';

export interface PortalHalfStep {
  id: string;
  /** 1-based position within the portal half, as printed. */
  number: number;
  title: string;
  instructions: string[];
  expect: string;
}

export interface PortalHalf {
  portal: PortalGenerationInfo;
  steps: PortalHalfStep[];
  errors: readonly PortalError[];
}

/** The label in front of what the admin should see, in every format. */
export const EXPECT_LABEL = 'You should see:';

export function buildPortalHalf(generation: PortalGeneration): PortalHalf {
  return {
    portal: portalGenerationInfo(generation),
    steps: PORTAL_STEPS[generation].map((step, index) => ({
      id: step.id,
      number: index + 1,
      title: step.title,
      instructions: [...step.instructions],
      expect: step.expect,
    })),
    errors: PORTAL_ERRORS,
  };
}
