// Entry point of the standalone language server's bin (dist/start-server.js): runs dist/server.js
// with V8's code cache, dist/server.js.cache, which the build writes (codeCache.ts). Compiling the
// bundle was a fifth of the server's start; with the cache V8 skips most of it. The cache fits only
// the Node flags it was made with, SERVER_NODE_FLAGS. Nothing here writes at run time: only the
// build sets OGI_WRITE_CODE_CACHE.
import { join } from 'node:path';
import { runWithCodeCache } from './codeCache';

const server = join(__dirname, 'server.js');
const use = runWithCodeCache(server, `${server}.cache`, process.env.OGI_WRITE_CODE_CACHE === '1');
if (process.env.OGI_TRACE_CODE_CACHE === '1') process.stderr.write(`code cache: ${use}\n`);
