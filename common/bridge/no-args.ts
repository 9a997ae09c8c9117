/** The argument schema of every call that takes none: an empty object and nothing else. Runs everywhere. */
import { z } from 'zod';

export const noArgs = z.object({}).strict();
