// Per-resource settings (`ogiReport.*`), validated with zod: a bad value falls back to the default
// for that field instead of breaking the server.
import { z } from 'zod';
import { CODES, type Code } from '../rules';

const level = z.enum(['off', 'hint', 'information', 'warning', 'error']);
export const settingsSchema = z.object({
  severity: z.record(z.string(), z.unknown()).catch({}).default({}).transform((raw) => {
    const out: Partial<Record<Code, z.infer<typeof level>>> = {};
    for (const code of CODES) {
      const parsed = level.safeParse(raw[code]);
      if (parsed.success) out[code] = parsed.data;
    }
    return out;
  }),
  inlayHints: z.object({ enabled: z.boolean().catch(true).default(true) }).catch({ enabled: true }).default({ enabled: true }),
  locale: z.enum(['auto', 'zh-cn', 'en']).catch('auto').default('auto'),
});
export type Settings = z.infer<typeof settingsSchema>;

export function parseSettings(raw: unknown): Settings {
  return settingsSchema.parse(raw && typeof raw === 'object' ? raw : {});
}
