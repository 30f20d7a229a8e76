// A stand-in for the `vscode` module, enough to activate the built client (dist/client.js) in Node:
// the calls the extension makes itself are recorded and scripted; every other API the language
// client touches is an inert proxy. The language server it starts is the real dist/server.js.
import { EventEmitter } from 'node:events';
import Module from 'node:module';
import childProcess, { type ChildProcess } from 'node:child_process';

type Fn = (...args: any[]) => any;

/** Any property, call or construction gives another inert proxy. */
const inert = (): any => new Proxy(function () {}, INERT);
const INERT: ProxyHandler<any> = {
  get: (target, p) =>
    p === '__esModule' ? true : p === 'then' ? undefined : p in target ? target[p] : (target[p] = inert()),
  apply: () => inert(),
  construct: () => inert(),
};
const partial = <T extends object>(known: T): T => new Proxy(known, INERT);

export interface FakeVscode {
  commands: Map<string, Fn>;
  /** Every message shown, as [kind, text]. */
  messages: [string, string][];
  opened: { language?: string; content?: string }[];
  /** The glob of each file watcher the extension created. */
  watchers: string[];
  /** Scripted answers to showQuickPick (picks the item with this label) and showInputBox, in order. */
  quickPickLabels: string[];
  inputs: string[];
  /** What the extension passed to showQuickPick: the items (once resolved) and the options. */
  quickPicks: { items: any[]; options: any }[];
  /** What the extension passed to showInputBox, for its validateInput. */
  inputOptions: { validateInput?: Fn; value?: string }[];
  /** Each server process the client forked. */
  /** Each server process the client forked; `initialized` resolves with the server's InitializeResult once the client runs. */
  servers: { args: unknown[]; child: ChildProcess; initialized: Promise<any> }[];
  events: EventEmitter;
  uninstall(): void;
}

export function installFakeVscode(): FakeVscode {
  const fake: FakeVscode = {
    commands: new Map(),
    messages: [],
    opened: [],
    watchers: [],
    quickPickLabels: [],
    inputs: [],
    quickPicks: [],
    inputOptions: [],
    servers: [],
    events: new EventEmitter(),
    uninstall: () => undefined,
  };
  // As in VS Code, a notification is seen (and answered) after the code that showed it has moved on.
  const show = (kind: string) => (text: string) =>
    new Promise<undefined>((resolve) =>
      setImmediate(() => {
        fake.messages.push([kind, text]);
        fake.events.emit('message', kind, text);
        resolve(undefined);
      }),
    );
  const vscode = partial({
    version: '1.91.0',
    env: partial({ language: 'en', appName: 'fake', uriScheme: 'vscode', machineId: 'test', sessionId: 'test' }),
    l10n: {
      t: (message: string, ...args: unknown[]) => message.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)])),
    },
    InputBoxValidationSeverity: { Info: 1, Warning: 2, Error: 3 },
    commands: partial({
      registerCommand: (name: string, fn: Fn) => {
        fake.commands.set(name, fn);
        return { dispose() {} };
      },
    }),
    window: partial({
      // Like VS Code, takes the items or a promise of them (a rejected promise rejects the pick).
      showQuickPick: async (items: { label: string }[] | Promise<{ label: string }[]>, options: unknown) => {
        const label = fake.quickPickLabels.shift();
        const resolved = await items;
        fake.quickPicks.push({ items: resolved, options });
        return resolved.find((i) => i.label === label);
      },
      showInputBox: async (options: { validateInput?: Fn; value?: string }) => {
        fake.inputOptions.push(options);
        return fake.inputs.shift();
      },
      showTextDocument: async () => undefined,
      showErrorMessage: show('error'),
      showWarningMessage: show('warning'),
      showInformationMessage: show('information'),
      setStatusBarMessage: (text: string) => {
        void show('status')(text);
        return { dispose() {} };
      },
    }),
    workspace: partial({
      createFileSystemWatcher: (glob: string) => {
        fake.watchers.push(glob);
        return inert();
      },
      openTextDocument: async (options: { language?: string; content?: string }) => {
        fake.opened.push(options);
        return inert();
      },
    }),
  });

  const load = (Module as any)._load;
  (Module as any)._load = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? vscode : load.call(this, request, ...rest);
  };
  const fork = childProcess.fork;
  (childProcess as any).fork = function (...args: unknown[]) {
    const child: ChildProcess = (fork as Fn).apply(this, args);
    // Running: the server answered `initialize` and the client, now running, sent `initialized`.
    const initialized = new Promise((resolve) => {
      let result: unknown;
      child.on('message', (m: any) => {
        if (m?.id !== undefined && m.result?.capabilities) result = m.result;
      });
      const send = child.send.bind(child) as Fn;
      (child as any).send = (message: any, ...rest: unknown[]) => {
        if (message?.method === 'initialized') resolve(result);
        return send(message, ...rest);
      };
    });
    fake.servers.push({ args, child, initialized });
    fake.events.emit('fork');
    return child;
  };
  fake.uninstall = () => {
    (Module as any)._load = load;
    (childProcess as any).fork = fork;
  };
  return fake;
}

/** Resolves on the next `event` for which `accept` holds (no sleeping). */
export function next(
  events: EventEmitter,
  event: string,
  accept: (...args: any[]) => boolean = () => true,
): Promise<unknown[]> {
  return new Promise((resolve) => {
    const on = (...args: unknown[]) => {
      if (accept(...args)) {
        events.off(event, on);
        resolve(args);
      }
    };
    events.on(event, on);
  });
}
