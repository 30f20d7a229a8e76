// A subcommand's arguments, as every command parses them: strict options plus --locale and --help;
// a bad argument is told in Chinese (the locale is not known yet) with the command's usage, --help
// prints the usage in the chosen locale.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { resolveLocale, translator, type Locale, type MessageId, type Translate } from '../i18n/messages';
import type { Io } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;

const COMMON = {
  locale: { type: 'string', default: process.env.OGI_REPORT_LOCALE ?? 'zh-cn' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface ParsedCommand<O extends Options> {
  values: ReturnType<
    typeof parseArgs<{ args: string[]; allowPositionals: true; strict: true; options: O & typeof COMMON }>
  >['values'];
  positionals: string[];
  locale: Locale;
  t: Translate;
}

/**
 * Parses `args` with `options` (and --locale, --help). Returns the exit code when the command is done
 * already: 2 after a bad argument, 0 after --help.
 */
export function parseCommand<O extends Options>(
  args: string[],
  options: O,
  usage: MessageId,
  io: Io,
): ParsedCommand<O> | number {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { ...options, ...COMMON } });
  } catch (e) {
    const zh = translator('zh-cn');
    io.err(`${zh('cliBadUsage', { reason: (e as Error).message })}\n${zh(usage)}\n`);
    return 2;
  }
  const { positionals } = parsed;
  const values = parsed.values as ParsedCommand<O>['values'];
  const locale = resolveLocale((parsed.values as { locale?: string }).locale);
  const t = translator(locale);
  if ((parsed.values as { help?: boolean }).help) {
    io.out(`${t(usage)}\n`);
    return 0;
  }
  return { values, positionals, locale, t };
}
