// What the client's tests against a hand-written stand-in `vscode` share: a Uri, and the hooks that
// make `require('vscode')` give the stand-in while the file's tests run.
import Module from 'node:module';
import { join } from 'node:path';
import { after, before } from 'node:test';

export class FakeUri {
  constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  static file(path: string) {
    return new FakeUri('file', path);
  }
  static joinPath(base: FakeUri, ...parts: string[]) {
    return new FakeUri(base.scheme, join(base.path, ...parts));
  }
  with(change: { path?: string }) {
    return new FakeUri(this.scheme, change.path ?? this.path);
  }
  get fsPath() {
    return this.path;
  }
  toString() {
    return `${this.scheme}://${this.path}`;
  }
}

/**
 * Registers the hooks: before the tests, `vscode` resolves to `fake` and `loaded` runs (to require the
 * client's modules under test); after them, the module loader is restored.
 */
export function useStandInVscode(fake: unknown, loaded: () => void): void {
  const load = (Module as any)._load;
  before(() => {
    (Module as any)._load = function (request: string, ...rest: unknown[]) {
      return request === 'vscode' ? fake : load.call(this, request, ...rest);
    };
    loaded();
  });
  after(() => {
    (Module as any)._load = load;
  });
}
