import * as assert from "node:assert/strict";
import * as path from "node:path";
import { test } from "node:test";
import { bundledServerPath, findServerBinary, LookupEnvironment } from "../../src/binary";

function environment(executables: string[], PATH = "/usr/local/bin:/opt/dossier/bin"): LookupEnvironment {
  const files = new Set(executables);
  return { PATH, HOME: "/home/analyst", platform: "linux", isExecutable: (file) => files.has(file) };
}

test("an empty setting finds `dossier` on PATH", () => {
  const lookup = findServerBinary("", environment(["/opt/dossier/bin/dossier"]));
  assert.deepEqual(lookup, { found: true, command: "/opt/dossier/bin/dossier" });
  assert.deepEqual(findServerBinary(undefined, environment(["/usr/local/bin/dossier"])), {
    found: true,
    command: "/usr/local/bin/dossier",
  });
});

test("a missing binary gives a message that says how to install", () => {
  const lookup = findServerBinary("", environment([]));
  assert.equal(lookup.found, false);
  if (!lookup.found) {
    assert.match(lookup.message, /`dossier` was not found on PATH/);
    assert.match(lookup.message, /cargo install/);
    assert.match(lookup.message, /dossier\.path/);
  }
});

test("an explicit path is used as given, ~ expanded, relative to the workspace", () => {
  assert.deepEqual(findServerBinary("/x/dossier", environment(["/x/dossier"])), { found: true, command: "/x/dossier" });
  assert.deepEqual(findServerBinary("~/bin/dossier", environment([path.join("/home/analyst", "bin/dossier")])), {
    found: true,
    command: path.join("/home/analyst", "bin/dossier"),
  });
  assert.deepEqual(findServerBinary("target/debug/dossier", environment(["/ws/target/debug/dossier"]), "/ws"), {
    found: true,
    command: "/ws/target/debug/dossier",
  });
  const missing = findServerBinary("/nope/dossier", environment([]));
  assert.equal(missing.found, false);
  if (!missing.found) assert.match(missing.message, /\/nope\/dossier/);
});

test("a bare name in the setting is searched on PATH", () => {
  assert.deepEqual(findServerBinary("dossier-dev", environment(["/usr/local/bin/dossier-dev"])), {
    found: true,
    command: "/usr/local/bin/dossier-dev",
  });
});

test("the server a platform .vsix carries comes after dossier.path and before PATH", () => {
  const bundled = bundledServerPath("/ext", "linux");
  assert.equal(bundled, path.join("/ext", "server", "dossier"));
  assert.equal(bundledServerPath("/ext", "win32"), path.join("/ext", "server", "dossier.exe"));
  const both = environment([bundled, "/usr/local/bin/dossier", "/x/dossier"]);
  assert.deepEqual(findServerBinary("", both, undefined, bundled), { found: true, command: bundled });
  assert.deepEqual(findServerBinary("/x/dossier", both, undefined, bundled), { found: true, command: "/x/dossier" });
  // A .vsix without the server (npm run package): PATH as before.
  assert.deepEqual(findServerBinary("", environment(["/usr/local/bin/dossier"]), undefined, bundled), {
    found: true,
    command: "/usr/local/bin/dossier",
  });
});
