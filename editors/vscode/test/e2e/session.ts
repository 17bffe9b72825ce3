// A test client for the real `dossier` binary: spawns `dossier lsp`, speaks LSP over its
// stdio with vscode-languageserver-protocol, answers the server's requests the way an
// editor would, and records what the server pushes (progress, status, diagnostics, logs).
import { ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  CompletionItem,
  CompletionList,
  CompletionRequest,
  CompletionResolveRequest,
  CompletionTriggerKind,
  DefinitionRequest,
  Diagnostic,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentLink,
  DocumentLinkRequest,
  DocumentLinkResolveRequest,
  ExitNotification,
  Hover,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  InitializeResult,
  Location,
  LocationLink,
  MarkupContent,
  Position,
  PublishDiagnosticsParams,
  Range,
  ShutdownRequest,
} from "vscode-languageserver-protocol/node";
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";

export const INDEXING_TITLE = "dossier: indexing";

/** The repository root: the first folder above `start` with Cargo.toml and seeds/. */
export function findRepoRoot(start: string = __dirname): string {
  let directory = start;
  for (;;) {
    if (fs.existsSync(path.join(directory, "Cargo.toml")) && fs.existsSync(path.join(directory, "seeds"))) {
      return directory;
    }
    const parent = path.dirname(directory);
    if (parent === directory) throw new Error(`no repository root (Cargo.toml and seeds/) above ${start}`);
    directory = parent;
  }
}

/** editors/vscode: the first folder above `start` with package.json and esbuild.mjs. */
export function findPackageRoot(start: string = __dirname): string {
  let directory = start;
  while (!(fs.existsSync(path.join(directory, "package.json")) && fs.existsSync(path.join(directory, "esbuild.mjs")))) {
    const parent = path.dirname(directory);
    if (parent === directory) throw new Error(`no editors/vscode above ${start}`);
    directory = parent;
  }
  return directory;
}

/** DOSSIER_BIN, else `dossier` on PATH. */
export function dossierBinary(): string {
  return process.env.DOSSIER_BIN && process.env.DOSSIER_BIN !== "" ? process.env.DOSSIER_BIN : "dossier";
}

const workspaces: string[] = [];
process.on("exit", () => {
  for (const workspace of workspaces) fs.rmSync(workspace, { recursive: true, force: true });
});

/** A temporary workspace holding seeds/*.txt from the repository plus the given files; removed at exit. */
export function createWorkspace(files: Record<string, string>): string {
  const workspace = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "dossier-e2e-")));
  workspaces.push(workspace);
  const seeds = path.join(findRepoRoot(), "seeds");
  fs.mkdirSync(path.join(workspace, "seeds"));
  for (const name of fs.readdirSync(seeds)) {
    if (name.endsWith(".txt")) fs.copyFileSync(path.join(seeds, name), path.join(workspace, "seeds", name));
  }
  for (const [relative, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(workspace, relative)), { recursive: true });
    fs.writeFileSync(path.join(workspace, relative), text);
  }
  return workspace;
}

export function uriOf(file: string): string {
  return pathToFileURL(file).href;
}

export function pathOf(uri: string): string {
  const file = fileURLToPath(uri);
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/** The LSP position (UTF-16 columns) of `needle` in `text`, plus `delta` characters. */
export function positionOf(text: string, needle: string, delta = 0, occurrence = 0): Position {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`${JSON.stringify(needle)} (occurrence ${occurrence}) is not in the text`);
  }
  return positionAt(text, offset + delta);
}

/** The LSP position of a UTF-16 offset (JavaScript string index). */
export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split("\n").length - 1;
  const character = offset - (before.lastIndexOf("\n") + 1);
  return { line, character };
}

/** The LSP range covering `needle` in `text`. */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  const start = positionOf(text, needle, 0, occurrence);
  return { start, end: { line: start.line, character: start.character + needle.length } };
}

export function comparePositions(a: Position, b: Position): number {
  return a.line !== b.line ? a.line - b.line : a.character - b.character;
}

/** Whether the two ranges share at least one character (or an empty range touches the other). */
export function overlaps(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}

export function contains(range: Range, position: Position): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}

/** Hover contents as one string, whatever shape the server chose. */
export function hoverText(hover: Hover): string {
  const parts = Array.isArray(hover.contents) ? hover.contents : [hover.contents];
  return parts
    .map((part) => (typeof part === "string" ? part : (part as MarkupContent | { value: string }).value))
    .join("\n");
}

export function completionItems(result: CompletionItem[] | CompletionList | null): CompletionItem[] {
  if (!result) return [];
  return Array.isArray(result) ? result : result.items;
}

/** Definition results as (file, range) pairs: Location, Location[] and LocationLink[] alike. */
export function definitionTargets(
  result: Location | Location[] | LocationLink[] | null,
): { file: string; range: Range; selectionRange: Range }[] {
  if (!result) return [];
  const items = Array.isArray(result) ? result : [result];
  return items.map((item) =>
    "targetUri" in item
      ? { file: pathOf(item.targetUri), range: item.targetRange, selectionRange: item.targetSelectionRange }
      : { file: pathOf(item.uri), range: item.range, selectionRange: item.range },
  );
}

export interface ProgressEvent {
  token: string | number;
  kind: string;
  title?: string;
  message?: string;
  percentage?: number;
}

export interface StatusEvent {
  state: string;
  documents?: number;
  message?: string;
}

export class ServerSession {
  readonly child: ChildProcess;
  readonly connection: MessageConnection;
  readonly workspace: string;
  /** Everything the server wrote to stderr, window/logMessage and window/showMessage. */
  readonly log: string[] = [];
  readonly progress: ProgressEvent[] = [];
  readonly statuses: StatusEvent[] = [];
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** The `dossier` section that workspace/configuration answers with. */
  settings: Record<string, unknown> = {};
  initializeResult?: InitializeResult;
  exitCode?: number | null;

  private readonly exited: Promise<number | null>;
  private readonly listeners = new Set<() => void>();
  private readonly versions = new Map<string, number>();
  private readonly texts = new Map<string, string>();

  constructor(binary: string, workspace: string, args: string[] = ["lsp"]) {
    this.workspace = workspace;
    this.child = spawn(binary, args, { cwd: workspace, stdio: ["pipe", "pipe", "pipe"] });
    this.exited = new Promise((resolve, reject) => {
      this.child.on("error", (error: NodeJS.ErrnoException) => {
        const hint =
          error.code === "ENOENT"
            ? ` (set DOSSIER_BIN to the binary, or put target/debug on PATH after \`cargo build\`)`
            : "";
        reject(new Error(`could not start ${binary} ${args.join(" ")}: ${error.message}${hint}`));
      });
      this.child.on("exit", (code) => {
        this.exitCode = code;
        this.notify();
        resolve(code);
      });
    });
    // Keep an unhandled rejection from ending the run before a test reports it.
    this.exited.catch(() => undefined);
    this.child.stderr!.setEncoding("utf8");
    this.child.stderr!.on("data", (chunk: string) => this.log.push(`stderr: ${chunk.trimEnd()}`));

    this.connection = createMessageConnection(
      new StreamMessageReader(this.child.stdout!),
      new StreamMessageWriter(this.child.stdin!),
    );
    this.connection.onRequest("window/workDoneProgress/create", () => null);
    this.connection.onRequest("workspace/configuration", (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === "dossier" ? this.settings : null)),
    );
    // registerCapability, showMessageRequest, */refresh ...: accept and answer null.
    this.connection.onRequest(() => null);
    this.connection.onNotification("$/progress", (params: { token: string | number; value: ProgressEvent }) => {
      this.progress.push({ ...params.value, token: params.token });
      this.notify();
    });
    this.connection.onNotification("dossier/status", (params: StatusEvent) => {
      this.statuses.push(params);
      this.notify();
    });
    this.connection.onNotification("textDocument/publishDiagnostics", (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(pathOf(params.uri), params);
      this.notify();
    });
    this.connection.onNotification("window/logMessage", (params: { message: string }) => {
      this.log.push(`log: ${params.message}`);
    });
    this.connection.onNotification("window/showMessage", (params: { message: string }) => {
      this.log.push(`show: ${params.message}`);
    });
    this.connection.onNotification(() => undefined);
    this.connection.onError(([error]) => this.log.push(`connection error: ${error.message}`));
    this.connection.listen();
  }

  /** Races `promise` against the server's exit and a timeout, with the server's log in the error. */
  async within<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}${this.logTail()}`)), timeoutMs);
    });
    const died = this.exited.then((code) => {
      throw new Error(`the server exited (code ${code}) while waiting for ${what}${this.logTail()}`);
    });
    try {
      return await Promise.race([promise, timeout, died]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Resolves when `predicate` holds, checking after every message the server pushes. */
  waitUntil<T>(predicate: () => T | undefined | false, timeoutMs: number, what: string): Promise<T> {
    const promise = new Promise<T>((resolve) => {
      const check = () => {
        const value = predicate();
        if (value !== undefined && value !== false) {
          this.listeners.delete(check);
          resolve(value as T);
        }
      };
      this.listeners.add(check);
      check();
    });
    return this.within(promise, timeoutMs, what);
  }

  logTail(): string {
    const tail = this.log.slice(-30);
    return tail.length > 0 ? `\n--- server log (last ${tail.length}) ---\n${tail.join("\n")}` : "";
  }

  async initialize(initializationOptions: Record<string, unknown> = {}): Promise<InitializeResult> {
    const rootUri = uriOf(this.workspace);
    const result = await this.within(
      this.connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        clientInfo: { name: "dossier-e2e", version: "0" },
        rootUri,
        workspaceFolders: [{ uri: rootUri, name: path.basename(this.workspace) }],
        initializationOptions,
        capabilities: {
          general: { positionEncodings: ["utf-16"] },
          window: { workDoneProgress: true, showMessage: {} },
          workspace: {
            configuration: true,
            workspaceFolders: true,
            didChangeConfiguration: { dynamicRegistration: true },
            didChangeWatchedFiles: { dynamicRegistration: true },
          },
          textDocument: {
            synchronization: { didSave: true, dynamicRegistration: false },
            hover: { contentFormat: ["markdown", "plaintext"] },
            definition: { linkSupport: true },
            completion: {
              completionItem: { snippetSupport: false, labelDetailsSupport: true },
              contextSupport: true,
            },
            documentLink: { tooltipSupport: true },
            publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true },
          },
        },
      }),
      20_000,
      "the initialize response",
    );
    this.initializeResult = result;
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  /** Waits for `$/progress` end of the indexing progress, or `dossier/status` "ready". */
  waitForIndex(timeoutMs = 60_000): Promise<string> {
    return this.waitUntil(
      () => {
        if (this.statuses.some((status) => status.state === "ready")) return "dossier/status ready";
        const indexingTokens = new Set(
          this.progress.filter((event) => event.kind === "begin" && event.title === INDEXING_TITLE).map((event) => event.token),
        );
        if (this.progress.some((event) => event.kind === "end" && indexingTokens.has(event.token))) {
          return "$/progress end";
        }
        return undefined;
      },
      timeoutMs,
      `the end of indexing ($/progress end of "${INDEXING_TITLE}" or dossier/status ready)`,
    );
  }

  file(relative: string): string {
    return path.join(this.workspace, relative);
  }

  text(relative: string): string {
    const text = this.texts.get(this.file(relative));
    if (text === undefined) throw new Error(`${relative} is not open`);
    return text;
  }

  async open(relative: string, text?: string): Promise<void> {
    const file = this.file(relative);
    const content = text ?? fs.readFileSync(file, "utf8");
    this.texts.set(file, content);
    this.versions.set(file, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: uriOf(file), languageId: "markdown", version: 1, text: content },
    });
  }

  /** Appends `addition` at the end of an open document (an incremental change when the server syncs so). */
  async append(relative: string, addition: string): Promise<void> {
    const file = this.file(relative);
    const before = this.text(relative);
    const after = before + addition;
    const version = (this.versions.get(file) ?? 1) + 1;
    this.versions.set(file, version);
    this.texts.set(file, after);
    const end = positionAt(before, before.length);
    const sync = this.initializeResult?.capabilities.textDocumentSync;
    const kind = typeof sync === "number" ? sync : sync?.change;
    const change = kind === 2 ? { range: { start: end, end }, text: addition } : { text: after };
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: uriOf(file), version },
      contentChanges: [change],
    });
  }

  hover(relative: string, position: Position): Promise<Hover | null> {
    return this.within(
      this.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf(this.file(relative)) }, position }),
      10_000,
      "a hover response",
    );
  }

  definition(relative: string, position: Position) {
    return this.within(
      this.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: uriOf(this.file(relative)) }, position }),
      10_000,
      "a definition response",
    );
  }

  completion(relative: string, position: Position, triggerCharacter?: string) {
    const context = triggerCharacter
      ? { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter }
      : { triggerKind: CompletionTriggerKind.Invoked };
    return this.within(
      this.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri: uriOf(this.file(relative)) },
        position,
        context,
      }),
      10_000,
      "a completion response",
    );
  }

  /** `completionItem/resolve`, as VS Code sends it for the item whose details it shows. */
  resolveCompletion(item: CompletionItem): Promise<CompletionItem> {
    return this.within(
      this.connection.sendRequest(CompletionResolveRequest.type, item),
      10_000,
      "a completionItem/resolve response",
    );
  }

  async documentLinks(relative: string): Promise<DocumentLink[]> {
    const links =
      (await this.within(
        this.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: uriOf(this.file(relative)) } }),
        10_000,
        "a documentLink response",
      )) ?? [];
    const resolved: DocumentLink[] = [];
    for (const link of links) {
      resolved.push(
        link.target === undefined && this.initializeResult?.capabilities.documentLinkProvider?.resolveProvider
          ? await this.within(this.connection.sendRequest(DocumentLinkResolveRequest.type, link), 10_000, "documentLink/resolve")
          : link,
      );
    }
    return resolved;
  }

  /** The latest diagnostics published for a file, once `predicate` holds for them. */
  waitForDiagnostics(relative: string, predicate: (diagnostics: Diagnostic[]) => boolean, what: string, timeoutMs = 30_000) {
    const file = fs.realpathSync(this.file(relative));
    return this.waitUntil(
      () => {
        const published = this.diagnostics.get(file);
        return published && predicate(published.diagnostics) ? published.diagnostics : undefined;
      },
      timeoutMs,
      `${what} (last published for ${relative}: ${JSON.stringify(this.diagnostics.get(file)?.diagnostics ?? null)})`,
    );
  }

  /**
   * shutdown, exit; resolves with the process's exit code. The server must exit on the
   * `exit` notification alone; `closeInput` also ends its stdin right after, as
   * vscode-languageclient does when it disposes the connection.
   */
  async shutdown(timeoutMs = 10_000, closeInput = false): Promise<number | null> {
    await this.within(this.connection.sendRequest(ShutdownRequest.type), timeoutMs, "the shutdown response");
    await this.connection.sendNotification(ExitNotification.type);
    if (closeInput) this.child.stdin!.end();
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([
      this.exited,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new Error(
                `the server did not exit within ${timeoutMs} ms of the exit notification` +
                  (closeInput ? " and the end of its stdin" : " (its stdin still open)") +
                  this.logTail(),
              ),
            ),
          timeoutMs,
        );
      }),
    ]).finally(() => clearTimeout(timer));
    this.connection.dispose();
    return code;
  }

  /** Last resort after a failed test: end the child we started. */
  kill(): void {
    this.connection.dispose();
    if (this.exitCode === undefined) this.child.kill("SIGKILL");
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
