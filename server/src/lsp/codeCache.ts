// V8's code cache for a CommonJS bundle: the build writes it, the standalone server's start reads it.
// The cache is only used when it was made from this very bundle (a SHA-256 of the source leads the
// file) and V8 accepts it (same V8 and flags); otherwise the bundle is compiled as usual.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

export type CodeCacheUse = 'accepted' | 'rejected' | 'stale' | 'absent' | 'written';

/** Runs a CommonJS bundle as `require` would, compiled with its code cache when that fits. */
export function runWithCodeCache(file: string, cacheFile: string, writeCache: boolean): CodeCacheUse {
  const source = readFileSync(file, 'utf8');
  const hash = createHash('sha256').update(source).digest();
  let cachedData: Buffer | undefined;
  let use: CodeCacheUse = 'absent';
  if (!writeCache) {
    try {
      const cache = readFileSync(cacheFile);
      if (cache.subarray(0, hash.length).equals(hash)) cachedData = cache.subarray(hash.length);
      else use = 'stale';
    } catch {
      // No cache (not built, or removed): compile as usual.
    }
  }
  const script = new Script(Module.wrap(source), { filename: file, cachedData });
  if (cachedData) use = script.cachedDataRejected ? 'rejected' : 'accepted';
  const module = { exports: {}, filename: file, id: file, loaded: false };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  module.loaded = true;
  if (writeCache) {
    // After the bundle's top level ran: the functions it compiled on the way are in the cache too.
    writeFileSync(cacheFile, Buffer.concat([hash, script.createCachedData()]));
    use = 'written';
  }
  return use;
}
