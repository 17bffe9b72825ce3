import * as assert from "node:assert/strict";
import * as path from "node:path";
import { test } from "node:test";
import {
  FindingsError,
  groupFindings,
  leaveServedFiles,
  parseFindings,
  Severity,
  summarize,
  toPlainDiagnostic,
  splitLines,
  toSeverity,
  utf16Column,
} from "../../src/findings";

const sample = JSON.stringify([
  {
    path: "briefs/syria.md",
    line: 3,
    column: 10,
    end_line: 3,
    end_column: 31,
    severity: "error",
    code: "unknown-citation",
    message: "unknown document key `bogus`",
  },
  {
    path: "briefs/syria.md",
    line: 7,
    column: 1,
    end_line: 8,
    end_column: 5,
    severity: "warning",
    code: "quote-differs",
    message: "the source says it differently",
  },
  {
    path: "/abs/other.md",
    line: 1,
    column: 1,
    severity: "hint",
    code: "quote-short",
    message: "too short to check",
  },
]);

test("findings are parsed from the CLI's JSON array", () => {
  const findings = parseFindings(sample);
  assert.equal(findings.length, 3);
  assert.equal(findings[0].code, "unknown-citation");
});

test("empty output and an empty array are no findings", () => {
  assert.deepEqual(parseFindings(""), []);
  assert.deepEqual(parseFindings("  \n"), []);
  assert.deepEqual(parseFindings("[]\n"), []);
});

test("output that is not a JSON array is an error", () => {
  assert.throws(() => parseFindings("brief.md:1:1: error[unknown-citation]: x"), FindingsError);
  assert.throws(() => parseFindings('{"path": "x"}'), FindingsError);
});

test("entries without the required fields are skipped", () => {
  const findings = parseFindings(JSON.stringify([{ path: "a.md" }, 3, null, { path: "a.md", line: 1, column: 1, severity: "error", message: "m" }]));
  assert.equal(findings.length, 1);
});

test("1-based lines and columns become 0-based positions", () => {
  const [first, second, third] = parseFindings(sample).map((finding) => toPlainDiagnostic(finding));
  assert.deepEqual(first, {
    startLine: 2,
    startCharacter: 9,
    endLine: 2,
    endCharacter: 30,
    severity: Severity.Error,
    code: "unknown-citation",
    message: "unknown document key `bogus`",
    source: "dossier",
  });
  assert.deepEqual([second.startLine, second.startCharacter, second.endLine, second.endCharacter], [6, 0, 7, 4]);
  assert.equal(second.severity, Severity.Warning);
  // No end: an empty range at the start.
  assert.deepEqual([third.startLine, third.startCharacter, third.endLine, third.endCharacter], [0, 0, 0, 0]);
  assert.equal(third.severity, Severity.Hint);
});

test("a range that ends before it starts collapses to its start", () => {
  const diagnostic = toPlainDiagnostic({ path: "a.md", line: 4, column: 8, end_line: 4, end_column: 2, severity: "warning", message: "m" });
  assert.deepEqual([diagnostic.startLine, diagnostic.startCharacter, diagnostic.endLine, diagnostic.endCharacter], [3, 7, 3, 7]);
});

test("severities match vscode.DiagnosticSeverity", () => {
  assert.equal(toSeverity("error"), 0);
  assert.equal(toSeverity("warning"), 1);
  assert.equal(toSeverity("information"), 2);
  assert.equal(toSeverity("hint"), 3);
  assert.equal(toSeverity("ERROR"), 0);
});

test("findings are grouped by absolute path, relative to the root", () => {
  const root = path.resolve("/ws");
  const groups = groupFindings(parseFindings(sample), root);
  assert.deepEqual([...groups.keys()], [path.join(root, "briefs/syria.md"), path.resolve("/abs/other.md")]);
  assert.equal(groups.get(path.join(root, "briefs/syria.md"))?.length, 2);
});

test("the summary counts by severity and brief", () => {
  assert.equal(summarize([]), "dossier: no findings in the briefs.");
  assert.equal(summarize(parseFindings(sample)), "dossier: 1 error, 1 warning, 1 hint in 2 briefs.");
});

test("byte columns become UTF-16 columns when the line is known", () => {
  // "Café 🙂 — [@zz_bad]": the CLI puts `@` at byte column 17 (1-based), UTF-16 column 11 (0-based).
  const line = "Café 🙂 — [@zz_bad]";
  assert.equal(utf16Column(line, 16), line.indexOf("@"));
  assert.equal(utf16Column(line, 0), 0);
  assert.equal(utf16Column(line, 3), 3, "é starts at byte 3");
  assert.equal(utf16Column(line, 4), 4, "inside é snaps to the next character");
  assert.equal(utf16Column(line, 1000), line.length);
  const diagnostic = toPlainDiagnostic(
    { path: "b.md", line: 2, column: 17, end_line: 2, end_column: 24, severity: "error", code: "unknown-citation", message: "m" },
    ["first line", line],
  );
  assert.deepEqual([diagnostic.startLine, diagnostic.startCharacter, diagnostic.endLine, diagnostic.endCharacter], [1, 11, 1, 18]);
  assert.equal(line.slice(11, 18), "@zz_bad");
});

test("lines split on LF, CRLF and CR", () => {
  assert.deepEqual(splitLines("a\r\nb\nc\rd"), ["a", "b", "c", "d"]);
});

test("grouping reads each file's lines once for the column conversion", () => {
  const reads: string[] = [];
  const groups = groupFindings(
    [
      { path: "b.md", line: 1, column: 3, severity: "error", message: "m" },
      { path: "b.md", line: 1, column: 4, severity: "error", message: "m" },
    ],
    "/ws",
    (file) => {
      reads.push(file);
      return ["é@x"];
    },
  );
  assert.equal(reads.length, 1);
  assert.deepEqual(groups.get(path.resolve("/ws/b.md"))?.map((d) => d.startCharacter), [1, 2]);
});

test("leaveServedFiles empties the files the server serves and keeps the others", () => {
  const diagnostic = toPlainDiagnostic({ path: "a.md", line: 1, column: 1, severity: "error", message: "m" });
  const groups = new Map([
    ["/w/open.md", [diagnostic, diagnostic]],
    ["/w/closed.md", [diagnostic]],
  ]);
  const shown = leaveServedFiles(groups, (file) => file === "/w/open.md");
  assert.deepEqual(shown.get("/w/open.md"), []);
  assert.equal(shown.get("/w/closed.md")?.length, 1);
  assert.equal(groups.get("/w/open.md")?.length, 2, "the input is left as it was");
});
