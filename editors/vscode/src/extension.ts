// The VS Code side of dossier: starts `dossier lsp`, passes the `dossier.*` settings to it,
// shows the index state in the status bar and runs `dossier check` on demand. The logic
// that needs no editor lives in settings.ts, status.ts, findings.ts and binary.ts.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as vscode from "vscode";
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
} from "vscode-languageclient/node";
import { bundledServerPath, findServerBinary } from "./binary";
import {
  FindingsError,
  groupFindings,
  leaveServedFiles,
  parseFindings,
  PlainDiagnostic,
  splitLines,
  summarize,
} from "./findings";
import { checkCommandArgs, serverArgs, ServerConfiguration, toServerConfiguration } from "./settings";
import { formatStatus, startingStatus, STATUS_NOTIFICATION, StatusParams, StatusView, stoppedStatus } from "./status";

let client: LanguageClient | undefined;
let outputChannel: vscode.LogOutputChannel;
let statusItem: vscode.StatusBarItem;
let checkDiagnostics: vscode.DiagnosticCollection;
let extensionUri: vscode.Uri;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extensionUri = context.extensionUri;
  outputChannel = vscode.window.createOutputChannel("dossier", { log: true });
  statusItem = vscode.window.createStatusBarItem("dossier.status", vscode.StatusBarAlignment.Right, 100);
  statusItem.name = "dossier";
  statusItem.command = "dossier.showOutput";
  checkDiagnostics = vscode.languages.createDiagnosticCollection("dossier check");

  context.subscriptions.push(
    outputChannel,
    statusItem,
    checkDiagnostics,
    vscode.commands.registerCommand("dossier.restartServer", restartServer),
    vscode.commands.registerCommand("dossier.showOutput", () => outputChannel.show(true)),
    vscode.commands.registerCommand("dossier.checkAllBriefs", checkAllBriefs),
    vscode.workspace.onDidChangeConfiguration(onDidChangeConfiguration),
    // From now on the server publishes this brief's findings: drop the check's copy.
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (isServedDocument(document)) checkDiagnostics.delete(document.uri);
    }),
  );

  await startClient();
}

export async function deactivate(): Promise<void> {
  await stopClient();
}

/** The settings the user set explicitly, mapped to the server's keys. */
function serverConfiguration(scope?: vscode.Uri): ServerConfiguration {
  const settings = vscode.workspace.getConfiguration("dossier", scope);
  return toServerConfiguration((key) => {
    const inspected = settings.inspect(key);
    return inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
  });
}

function firstWorkspaceFolder(): vscode.WorkspaceFolder | undefined {
  return vscode.workspace.workspaceFolders?.find((folder) => folder.uri.scheme === "file");
}

function lookUpBinary() {
  const setting = vscode.workspace.getConfiguration("dossier").get<string>("path");
  const bundled = bundledServerPath(extensionUri.fsPath);
  makeExecutable(bundled);
  return findServerBinary(setting, undefined, firstWorkspaceFolder()?.uri.fsPath, bundled);
}

/** An archive tool may drop the executable bit of the server a platform .vsix carries. */
function makeExecutable(file: string): void {
  if (process.platform === "win32") return;
  try {
    const mode = fs.statSync(file).mode;
    if ((mode & 0o111) === 0) fs.chmodSync(file, mode | 0o755);
  } catch {
    // No bundled server (a .vsix without one): PATH and dossier.path remain.
  }
}

async function startClient(): Promise<void> {
  const binary = lookUpBinary();
  if (!binary.found) {
    showStatus(stoppedStatus(binary.message));
    outputChannel.error(binary.message);
    void offerInstallHelp(binary.message);
    return;
  }
  showStatus(startingStatus());
  outputChannel.info(`starting ${binary.command} ${serverArgs().join(" ")}`);

  const serverOptions: ServerOptions = { command: binary.command, args: serverArgs() };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: "file", language: "markdown" }],
    outputChannel,
    initializationOptions: serverConfiguration(firstWorkspaceFolder()?.uri),
    synchronize: {
      fileEvents: [
        vscode.workspace.createFileSystemWatcher("**/*.{txt,html,htm,pdf}"),
        vscode.workspace.createFileSystemWatcher("**/dossier.toml"),
      ],
    },
    middleware: {
      workspace: {
        // Answer the "dossier" section with the mapped settings (explicit values only),
        // and let the client answer any other section as usual.
        configuration: async (params, token, next) => {
          const answered = await next(params, token);
          if (!Array.isArray(answered)) return answered;
          return params.items.map((item, index) =>
            item.section === "dossier"
              ? serverConfiguration(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : firstWorkspaceFolder()?.uri)
              : answered[index],
          );
        },
      },
    },
  };

  const newClient = new LanguageClient("dossier", "dossier", serverOptions, clientOptions);
  newClient.onNotification(STATUS_NOTIFICATION, (params: StatusParams) => showStatus(formatStatus(params)));
  newClient.onDidChangeState((event) => {
    if (event.newState === State.Stopped) showStatus(stoppedStatus("The dossier language server is not running."));
  });
  client = newClient;
  try {
    await newClient.start();
  } catch (error) {
    const message = `dossier: the language server did not start (${binary.command} ${serverArgs().join(" ")}): ${errorText(error)}`;
    outputChannel.error(message);
    showStatus(stoppedStatus(message));
    void vscode.window.showErrorMessage(message, "Show output").then((choice) => {
      if (choice) outputChannel.show(true);
    });
  }
}

async function stopClient(): Promise<void> {
  const running = client;
  client = undefined;
  if (!running) return;
  try {
    await running.stop();
  } catch (error) {
    outputChannel.warn(`stopping the server: ${errorText(error)}`);
  }
  try {
    await running.dispose();
  } catch {
    // Already stopped; nothing left to release.
  }
}

async function restartServer(): Promise<void> {
  await stopClient();
  await startClient();
}

function onDidChangeConfiguration(event: vscode.ConfigurationChangeEvent): void {
  if (event.affectsConfiguration("dossier.path")) {
    void restartServer();
    return;
  }
  if (event.affectsConfiguration("dossier") && client?.isRunning()) {
    // The server pulls the settings again with workspace/configuration; the push carries
    // them too for servers that read the notification's payload.
    void client.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { dossier: serverConfiguration(firstWorkspaceFolder()?.uri) },
    });
  }
}

function showStatus(view: StatusView): void {
  statusItem.text = view.text;
  statusItem.tooltip = view.tooltip;
  statusItem.backgroundColor = view.warning ? new vscode.ThemeColor("statusBarItem.warningBackground") : undefined;
  statusItem.show();
}

async function offerInstallHelp(message: string): Promise<void> {
  const choice = await vscode.window.showErrorMessage(message, "How to install", "Open settings");
  if (choice === "How to install") {
    const readme = vscode.Uri.joinPath(extensionUri, "README.md");
    await vscode.commands.executeCommand("markdown.showPreview", readme);
  } else if (choice === "Open settings") {
    await vscode.commands.executeCommand("workbench.action.openSettings", "dossier.path");
  }
}

interface ProcessResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], cwd: string): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", reject);
    child.on("close", (exitCode) =>
      resolve({
        exitCode,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
      }),
    );
  });
}

async function checkAllBriefs(): Promise<void> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === "file");
  if (folders.length === 0) {
    void vscode.window.showWarningMessage("dossier: open a folder to check its briefs.");
    return;
  }
  const binary = lookUpBinary();
  if (!binary.found) {
    void offerInstallHelp(binary.message);
    return;
  }
  checkDiagnostics.clear();
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: "dossier: checking briefs" },
    async () => {
      const allFindings = [];
      for (const folder of folders) {
        const root = folder.uri.fsPath;
        const args = checkCommandArgs(root, serverConfiguration(folder.uri));
        outputChannel.info(`running ${binary.command} ${args.join(" ")}`);
        let result: ProcessResult;
        try {
          result = await run(binary.command, args, root);
        } catch (error) {
          void vscode.window.showErrorMessage(`dossier: could not run ${binary.command}: ${errorText(error)}`);
          return;
        }
        if (result.stderr.trim() !== "") outputChannel.info(result.stderr.trim());
        // Exit 0: no warnings or errors; 1: findings; anything else: usage, config or IO error.
        if (result.exitCode !== 0 && result.exitCode !== 1) {
          const reason = result.stderr.trim().split("\n")[0] || `exit code ${result.exitCode}`;
          void vscode.window.showErrorMessage(`dossier check failed in ${folder.name}: ${reason}`, "Show output").then(
            (choice) => {
              if (choice) outputChannel.show(true);
            },
          );
          continue;
        }
        try {
          const findings = parseFindings(result.stdout);
          allFindings.push(...findings);
          const shown = leaveServedFiles(groupFindings(findings, root, readLines), isServedFile);
          for (const [file, diagnostics] of shown) {
            checkDiagnostics.set(vscode.Uri.file(file), diagnostics.map(toDiagnostic));
          }
        } catch (error) {
          const message = error instanceof FindingsError ? error.message : errorText(error);
          void vscode.window.showErrorMessage(message);
        }
      }
      void vscode.window.showInformationMessage(summarize(allFindings));
      // Show Problems: workbench.action.problems.focus opens it, where workbench.actions.view.problems
      // (the Ctrl+Shift+M toggle) would close a Problems panel that is already open.
      if (allFindings.length > 0) await vscode.commands.executeCommand("workbench.action.problems.focus");
    },
  );
}

/** Whether the running language server publishes this document's diagnostics. */
function isServedDocument(document: vscode.TextDocument): boolean {
  return client?.isRunning() === true && document.uri.scheme === "file" && document.languageId === "markdown";
}

function isServedFile(file: string): boolean {
  const wanted = path.resolve(file);
  return vscode.workspace.textDocuments.some(
    (document) => isServedDocument(document) && path.resolve(document.uri.fsPath) === wanted,
  );
}

/** A brief's lines as the CLI read them (from disk, not the editor's unsaved text). */
function readLines(file: string): string[] | undefined {
  try {
    return splitLines(fs.readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

function toDiagnostic(plain: PlainDiagnostic): vscode.Diagnostic {
  const range = new vscode.Range(plain.startLine, plain.startCharacter, plain.endLine, plain.endCharacter);
  const diagnostic = new vscode.Diagnostic(range, plain.message, plain.severity as number as vscode.DiagnosticSeverity);
  diagnostic.source = plain.source;
  if (plain.code !== undefined) diagnostic.code = plain.code;
  return diagnostic;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
