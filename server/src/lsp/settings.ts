// Per-resource settings (`ogiReport.*`), validated with zod: a bad value falls back to the default
// for that field instead of breaking the server.
import * as z from 'zod/mini';
import { CODES, type Code } from '../rules';

/** What a code's severity may be set to: `off` or an LSP severity (package.json's enum, scripts/gen-manifest.ts). */
export const SEVERITY_LEVELS = ['off', 'hint', 'information', 'warning', 'error'] as const;
export type SeverityLevel = (typeof SEVERITY_LEVELS)[number];

const level = z.enum(SEVERITY_LEVELS);
export const settingsSchema = z.object({
  severity: z.pipe(
    z._default(z.catch(z.record(z.string(), z.unknown()), {}), {}),
    z.transform((raw: Record<string, unknown>) => {
      const out: Partial<Record<Code, z.infer<typeof level>>> = {};
      for (const code of CODES) {
        const parsed = level.safeParse(raw[code]);
        if (parsed.success) out[code] = parsed.data;
      }
      return out;
    }),
  ),
  inlayHints: z._default(
    z.catch(z.object({ enabled: z._default(z.catch(z.boolean(), true), true) }), { enabled: true }),
    { enabled: true },
  ),
  locale: z._default(z.catch(z.enum(['auto', 'zh-cn', 'en']), 'auto'), 'auto'),
});
export type Settings = z.infer<typeof settingsSchema>;

export function parseSettings(raw: unknown): Settings {
  return settingsSchema.parse(raw && typeof raw === 'object' ? raw : {});
}
