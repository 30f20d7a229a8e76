// Entry point of `ogi-report-language-server --stdio | --node-ipc | --socket=N`.
import { startServer } from './server';

if (process.argv.includes('--version')) {
  process.stdout.write(`${typeof OGI_VERSION === 'string' ? OGI_VERSION : '0.0.0-dev'}\n`);
} else {
  startServer();
}
declare const OGI_VERSION: string | undefined;
