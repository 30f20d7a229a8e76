#!/usr/bin/env -S MALLOC_TRIM_THRESHOLD_=131072 node --max-semi-space-size=2
// The flag and the variable are SERVER_NODE_FLAGS and SERVER_ENV (server/src/lsp/runtime.ts): they
// keep the server's memory low, and the flag is the one dist/server.js's code cache was made with.
// Started as `node bin/…js`, they are up to the caller.
require('../dist/start-server.js');
