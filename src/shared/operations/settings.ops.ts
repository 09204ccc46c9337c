// Settings of the database that apply to every process opening it.
import { z } from 'zod';
import { lazy } from '../lazy.ts';
import { defineOperation, IDEMPOTENT_WRITE } from './operation.ts';

export const DURABILITY_LEVELS = ['full', 'normal'] as const;
export type Durability = (typeof DURABILITY_LEVELS)[number];

export const DurabilitySchema = lazy(() =>
  z.enum(DURABILITY_LEVELS, { error: 'level must be full or normal' }),
);

export const setDurability = defineOperation({
  name: 'set_durability',
  description:
    'How safely commits reach the disk: full (the default: a commit survives a power cut) or normal (faster writes; a power cut may lose the last commits, a crash of Orchestron never does).',
  input: () => z.strictObject({ level: DurabilitySchema() }),
  output: () =>
    z.object({ level: DurabilitySchema(), previous: DurabilitySchema(), message: z.string() }),
  annotations: IDEMPOTENT_WRITE,
  audience: 'human',
  cli: { command: ['durability'], positional: ['level'], render: { kind: 'message' } },
});

export const settingsOperations = { set_durability: setDurability };
