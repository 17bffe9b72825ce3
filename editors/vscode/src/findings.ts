// Turns the output of `dossier check --format json` into diagnostics, grouped by file.
// No `vscode` import: the unit tests load this in plain Node, and extension.ts turns
// these plain records into vscode.Diagnostic objects.
import * as path from "node:path";

/**
 * One finding as `dossier check --format json` prints it: 1-based lines, and 1-based
 * columns counted in UTF-8 bytes (as compilers print them, and as Vim's quickfix reads them).
 */
export interface Finding {
  path: string;
  line: number;
  column: number;
  end_line?: number;
  end_column?: number;
  severity: "error" | "warning" | "information" | "hint" | string;
  code?: string;
  message: string;
}

/** The same numbering as vscode.DiagnosticSeverity. */
export enum Severity {
  Error = 0,
  Warning = 1,
  Information = 2,
  Hint = 3,
}

/** A diagnostic with 0-based positions, ready for vscode.Range / vscode.Diagnostic. */
export interface PlainDiagnostic {
  startLine: number;
  startCharacter: number;
  endLine: number;
  endCharacter: number;
  severity: Severity;
  code?: string;
  message: string;
  source: "dossier";
}

export class FindingsError extends Error {}

/** Parses the CLI's stdout. Empty output means no findings. */
export function parseFindings(stdout: string): Finding[] {
  const text = stdout.trim();
  if (text === "") return [];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new FindingsError(`dossier check printed something that is not JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(value)) {
    throw new FindingsError("dossier check --format json printed JSON that is not an array of findings");
  }
  return value.filter(isFinding);
}

export function toSeverity(severity: string): Severity {
  switch (severity.toLowerCase()) {
    case "error":
      return Severity.Error;
    case "warning":
      return Severity.Warning;
    case "information":
    case "info":
      return Severity.Information;
    default:
      return Severity.Hint;
  }
}

/**
 * The UTF-16 column (what VS Code and LSP count) of a 0-based UTF-8 byte column in `line`.
 * A byte column inside a character or past the end snaps to the next character or the end.
 */
export function utf16Column(line: string, byteColumn: number): number {
  let bytes = 0;
  let utf16 = 0;
  for (const character of line) {
    if (bytes >= byteColumn) return utf16;
    const codePoint = character.codePointAt(0)!;
    bytes += codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    utf16 += character.length;
  }
  return utf16;
}

/**
 * `lines` is the file's text split into lines, when it could be read: it turns the byte
 * columns into UTF-16 columns. Without it the columns are taken as they are (right for ASCII).
 */
export function toPlainDiagnostic(finding: Finding, lines?: string[]): PlainDiagnostic {
  const startLine = Math.max(0, finding.line - 1);
  const column = (line: number, oneBasedByteColumn: number) => {
    const byteColumn = Math.max(0, oneBasedByteColumn - 1);
    const text = lines?.[line];
    return text === undefined ? byteColumn : utf16Column(text, byteColumn);
  };
  const startCharacter = column(startLine, finding.column);
  let endLine = typeof finding.end_line === "number" ? Math.max(0, finding.end_line - 1) : startLine;
  let endCharacter = typeof finding.end_column === "number" ? column(endLine, finding.end_column) : startCharacter;
  // A range must not end before it starts; fall back to an empty range at the start.
  if (endLine < startLine || (endLine === startLine && endCharacter < startCharacter)) {
    endLine = startLine;
    endCharacter = startCharacter;
  }
  const diagnostic: PlainDiagnostic = {
    startLine,
    startCharacter,
    endLine,
    endCharacter,
    severity: toSeverity(finding.severity),
    message: finding.message,
    source: "dossier",
  };
  if (typeof finding.code === "string" && finding.code !== "") diagnostic.code = finding.code;
  return diagnostic;
}

/** Splits a file's text into lines the way LSP counts them (\n, \r\n or \r). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/**
 * Groups findings by absolute file path; relative paths are taken relative to the
 * workspace root the check ran in. Files keep the order in which they first appear.
 */
export function groupFindings(
  findings: Finding[],
  root: string,
  readLines: (file: string) => string[] | undefined = () => undefined,
): Map<string, PlainDiagnostic[]> {
  const byFile = new Map<string, PlainDiagnostic[]>();
  const linesByFile = new Map<string, string[] | undefined>();
  for (const finding of findings) {
    const file = path.resolve(root, finding.path);
    let diagnostics = byFile.get(file);
    if (!diagnostics) {
      diagnostics = [];
      byFile.set(file, diagnostics);
      linesByFile.set(file, readLines(file));
    }
    diagnostics.push(toPlainDiagnostic(finding, linesByFile.get(file)));
  }
  return byFile;
}

/**
 * What "Check all briefs" shows, by file. A brief open in the editor already has the
 * language server's diagnostics (the same findings, kept current as it is edited): the
 * check's own would show every one of them twice in Problems. A served file gets an empty
 * list, which also clears what an earlier check left on it.
 */
export function leaveServedFiles(
  groups: Map<string, PlainDiagnostic[]>,
  isServed: (file: string) => boolean,
): Map<string, PlainDiagnostic[]> {
  const shown = new Map<string, PlainDiagnostic[]>();
  for (const [file, diagnostics] of groups) shown.set(file, isServed(file) ? [] : diagnostics);
  return shown;
}

/** One line for the notification after "Check all briefs". */
export function summarize(findings: Finding[]): string {
  if (findings.length === 0) return "dossier: no findings in the briefs.";
  const counts = new Map<Severity, number>();
  const files = new Set<string>();
  for (const finding of findings) {
    const severity = toSeverity(finding.severity);
    counts.set(severity, (counts.get(severity) ?? 0) + 1);
    files.add(finding.path);
  }
  const parts: string[] = [];
  const names: [Severity, string][] = [
    [Severity.Error, "error"],
    [Severity.Warning, "warning"],
    [Severity.Information, "information"],
    [Severity.Hint, "hint"],
  ];
  for (const [severity, name] of names) {
    const n = counts.get(severity);
    if (n) parts.push(`${n} ${name}${n === 1 || name === "information" ? "" : "s"}`);
  }
  const fileCount = `${files.size} ${files.size === 1 ? "brief" : "briefs"}`;
  return `dossier: ${parts.join(", ")} in ${fileCount}.`;
}

function isFinding(value: unknown): value is Finding {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.path === "string" &&
    typeof v.line === "number" &&
    typeof v.column === "number" &&
    typeof v.severity === "string" &&
    typeof v.message === "string"
  );
}
