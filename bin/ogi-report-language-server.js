#!/usr/bin/env -S node --max-semi-space-size=2
// The Node flag is SERVER_NODE_FLAGS (server/src/lsp/runtime.ts): a small young generation keeps
// the server's memory low. Started as `node bin/…js`, the flag is up to the caller.
require('../dist/server.js');
