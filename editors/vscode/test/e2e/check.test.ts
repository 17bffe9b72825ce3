// End-to-end for "dossier: Check all briefs": runs the real `dossier check --format json`
// the way the extension does (same arguments, working directory = the workspace folder)
// and maps its output with the extension's own functions.
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { groupFindings, leaveServedFiles, parseFindings, Severity, splitLines } from "../../src/findings";
import { checkCommandArgs } from "../../src/settings";
import { createWorkspace, dossierBinary, ServerSession } from "./session";

function runCheck(workspace: string, briefs: string[] = []) {
  const result = spawnSync(dossierBinary(), checkCommandArgs(workspace, {}, briefs), {
    cwd: workspace,
    encoding: "utf8",
    timeout: 60_000,
  });
  if (result.error) throw new Error(`could not run ${dossierBinary()}: ${result.error.message} (set DOSSIER_BIN)`);
  return result;
}

const readLines = (file: string) => splitLines(fs.readFileSync(file, "utf8"));

test("findings of every brief land on the right file and columns (UTF-8 bytes become UTF-16)", () => {
  const line = "Café 🙂 — a key the corpus lacks [@zz_no_such_document].";
  const workspace = createWorkspace({
    "briefs/one.md": `# One\n\nKnown [@003_423e3940cca06aad].\n\n${line}\n`,
    "two.md": "# Two\n\nAlso unknown: [@zz_other_missing_key].\n",
  });
  const result = runCheck(workspace);
  assert.equal(result.status, 1, `exit code (findings at error level): ${result.status}\n${result.stderr}`);
  const findings = parseFindings(result.stdout);
  const groups = groupFindings(findings, workspace, readLines);
  const one = groups.get(path.join(workspace, "briefs/one.md"));
  const two = groups.get(path.join(workspace, "two.md"));
  assert.ok(one && two, `findings by file: ${JSON.stringify([...groups.keys()])}\n${result.stdout}`);
  assert.equal(one.length, 1, JSON.stringify(one));
  assert.equal(one[0].code, "unknown-citation");
  assert.equal(one[0].severity, Severity.Error);
  assert.equal(one[0].startLine, 4);
  assert.equal(one[0].endLine, 4);
  const flagged = line.slice(one[0].startCharacter, one[0].endCharacter);
  assert.ok(
    flagged.includes("zz_no_such_document") && flagged.length <= "[@zz_no_such_document]".length,
    `the range covers ${JSON.stringify(flagged)}, not the key`,
  );
  assert.equal(two.length, 1);
  assert.equal(two[0].startLine, 2);
});

test("a workspace whose briefs cite only known keys: exit 0, no findings", () => {
  const workspace = createWorkspace({ "brief.md": "Fine [@000_1e2f7ca976c65369; @004_df48a3a5ab45bcd7].\n" });
  const result = runCheck(workspace);
  assert.equal(result.status, 0, `exit code: ${result.status}\n${result.stdout}\n${result.stderr}`);
  assert.deepEqual(parseFindings(result.stdout), []);
});

test("a brief that does not exist is an error (exit 2) with a message on stderr", () => {
  const workspace = createWorkspace({});
  const result = runCheck(workspace, [path.join(workspace, "missing.md")]);
  assert.equal(result.status, 2, `exit code: ${result.status}`);
  assert.notEqual(result.stderr.trim(), "", "no message on stderr");
});

test("Check all briefs shows an open brief's findings once: the server's, not the check's copy too", async () => {
  const brief = "# Open\n\nUnknown [@zz_first_missing] and [@zz_second_missing].\n";
  const workspace = createWorkspace({ "open.md": brief, "closed.md": "# Closed\n\n[@zz_third_missing]\n" });
  const session = new ServerSession(dossierBinary(), workspace);
  try {
    await session.initialize();
    await session.waitForIndex();
    await session.open("open.md");
    const published = await session.waitForDiagnostics("open.md", (d) => d.length > 0, "the open brief's diagnostics");
    const result = runCheck(workspace);
    const groups = groupFindings(parseFindings(result.stdout), workspace, readLines);
    const openFile = path.join(workspace, "open.md");
    const shown = leaveServedFiles(groups, (file) => file === openFile);
    // Problems holds the server's diagnostics plus the check's: each finding once.
    const inProblems = published.length + (shown.get(openFile)?.length ?? 0);
    assert.equal(inProblems, 2, `the open brief's findings in Problems: ${inProblems}`);
    assert.equal(shown.get(path.join(workspace, "closed.md"))?.length, 1, "a closed brief keeps the check's findings");
  } finally {
    await session.shutdown();
  }
});
