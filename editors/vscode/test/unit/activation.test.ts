// Loads the bundled extension (dist/extension.js) against a stand-in for the `vscode`
// module and activates it with a server binary that does not exist: the commands must be
// registered, the status bar must say the server stopped, and the error must offer help.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import Module from "node:module";
import * as path from "node:path";
import { test } from "node:test";

interface Recorded {
  commands: Map<string, (...args: unknown[]) => unknown>;
  errors: { message: string; items: string[] }[];
  statusItem: { text: string; tooltip: string; shown: boolean };
}

/** Any property is a callable that returns another such stand-in, unless given. */
function anything(overrides: Record<string | symbol, unknown> = {}): any {
  const target = function () {
    return anything();
  };
  return new Proxy(target, {
    get: (_, key) => (key in overrides ? overrides[key] : key === "then" ? undefined : anything()),
    apply: () => anything(),
    construct: () => anything(),
  });
}

/** Like anything(), but a plain object whose own keys are the overrides (esbuild copies own keys). */
function module(overrides: Record<string, unknown>): any {
  return new Proxy({ ...overrides }, { get: (target, key) => (key in target ? (target as any)[key] : anything()) });
}

function fakeVscode(recorded: Recorded, settings: Record<string, unknown>) {
  const disposable = { dispose() {} };
  return module({
    StatusBarAlignment: { Left: 1, Right: 2 },
    ProgressLocation: { Notification: 15, Window: 10 },
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    ThemeColor: class {
      constructor(readonly id: string) {}
    },
    Uri: {
      joinPath: (base: { fsPath: string }, ...parts: string[]) => ({ fsPath: path.join(base.fsPath, ...parts) }),
      file: (fsPath: string) => ({ fsPath, scheme: "file" }),
      parse: (value: string) => ({ fsPath: value, scheme: "file" }),
    },
    window: anything({
      createOutputChannel: () => anything(),
      createStatusBarItem: () => {
        const item = recorded.statusItem;
        return Object.assign(item, { show: () => (item.shown = true), hide() {}, dispose() {} });
      },
      showErrorMessage: (message: string, ...items: string[]) => {
        recorded.errors.push({ message, items });
        return Promise.resolve(undefined);
      },
    }),
    commands: anything({
      registerCommand: (id: string, callback: (...args: unknown[]) => unknown) => {
        recorded.commands.set(id, callback);
        return disposable;
      },
    }),
    languages: anything({ createDiagnosticCollection: () => anything() }),
    workspace: anything({
      workspaceFolders: undefined,
      onDidChangeConfiguration: () => disposable,
      getConfiguration: () => ({
        get: (key: string) => settings[key],
        inspect: (key: string) => (key in settings ? { globalValue: settings[key] } : {}),
      }),
    }),
  });
}

test("activation without a server binary registers the commands and explains how to install", async () => {
  const bundle = path.resolve(__dirname, "../../../dist/extension.js");
  assert.ok(fs.existsSync(bundle), "run `npm run build` first");
  const recorded: Recorded = { commands: new Map(), errors: [], statusItem: { text: "", tooltip: "", shown: false } };
  const vscode = fakeVscode(recorded, { path: "/nonexistent/dossier" });

  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const originalLoad = loader._load;
  loader._load = function (request: string, ...rest: unknown[]) {
    return request === "vscode" ? vscode : originalLoad.call(this, request, ...rest);
  };
  try {
    const extension = require(bundle) as { activate: (context: unknown) => Promise<void>; deactivate: () => Promise<void> };
    const context = { subscriptions: [] as unknown[], extensionUri: { fsPath: "/ext" } };
    await extension.activate(context);

    assert.deepEqual(
      [...recorded.commands.keys()].sort(),
      ["dossier.checkAllBriefs", "dossier.restartServer", "dossier.showOutput"],
    );
    assert.equal(recorded.statusItem.text, "$(error) dossier: stopped");
    assert.ok(recorded.statusItem.shown);
    assert.equal(recorded.errors.length, 1, JSON.stringify(recorded.errors));
    assert.match(recorded.errors[0].message, /\/nonexistent\/dossier/);
    assert.match(recorded.errors[0].message, /cargo install/);
    assert.deepEqual(recorded.errors[0].items, ["How to install", "Open settings"]);
    assert.ok(context.subscriptions.length >= 6);
    await extension.deactivate();
  } finally {
    loader._load = originalLoad;
  }
});
