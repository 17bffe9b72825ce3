// Checks package.json's contributions against what the code and the server use, and that
// the modules the unit tests load stay free of the `vscode` import.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";

const packageRoot = findPackageRoot(__dirname);
const manifest = JSON.parse(fs.readFileSync(path.join(packageRoot, "package.json"), "utf8"));

function findPackageRoot(start: string): string {
  let directory = start;
  while (!fs.existsSync(path.join(directory, "esbuild.mjs"))) {
    const parent = path.dirname(directory);
    if (parent === directory) throw new Error(`no editors/vscode above ${start}`);
    directory = parent;
  }
  return directory;
}

const serverTokenTypes = ["actor", "event", "quoteVerified", "quoteDiffers", "quoteNotFound", "citation"];

test("every semantic token type the server uses is contributed and mapped to TextMate scopes", () => {
  const contributed = manifest.contributes.semanticTokenTypes.map((type: { id: string }) => type.id);
  assert.deepEqual([...contributed].sort(), [...serverTokenTypes].sort());
  const scopes = manifest.contributes.semanticTokenScopes[0].scopes;
  for (const type of serverTokenTypes) {
    assert.ok(Array.isArray(scopes[type]) && scopes[type].length > 0, `no TextMate scope for ${type}`);
  }
  assert.equal(scopes.actor[0], "entity.name.type");
  assert.equal(scopes.event[0], "entity.name.function");
});

test("the commands are contributed under the dossier category", () => {
  const commands = Object.fromEntries(
    manifest.contributes.commands.map((command: { command: string; title: string; category: string }) => [
      command.command,
      `${command.category}: ${command.title}`,
    ]),
  );
  assert.deepEqual(commands, {
    "dossier.restartServer": "dossier: Restart server",
    "dossier.showOutput": "dossier: Show output",
    "dossier.checkAllBriefs": "dossier: Check all briefs",
  });
});

test("the settings exist with defaults that send nothing to the server", () => {
  const properties = manifest.contributes.configuration.properties;
  for (const key of ["dossier.path", "dossier.corpus", "dossier.exclude", "dossier.check.minQuoteWords", "dossier.trace.server"]) {
    assert.ok(properties[key], `missing setting ${key}`);
  }
  assert.equal(properties["dossier.path"].default, "");
  assert.deepEqual(properties["dossier.corpus"].default, []);
  assert.deepEqual(properties["dossier.exclude"].default, []);
  assert.equal(properties["dossier.check.minQuoteWords"].default, null);
  assert.deepEqual(properties["dossier.trace.server"].enum, ["off", "messages", "verbose"]);
});

test("the extension activates on markdown and is bundled into dist/", () => {
  assert.ok(manifest.activationEvents.includes("onLanguage:markdown"));
  assert.equal(manifest.main, "./dist/extension.js");
  assert.ok(fs.existsSync(path.join(packageRoot, "dist", "extension.js")), "run `npm run build` first");
});

test("packaging cannot prompt: publisher, license file, README and flags are there", () => {
  assert.ok(manifest.publisher);
  assert.ok(fs.existsSync(path.join(packageRoot, "LICENSE")));
  assert.ok(fs.existsSync(path.join(packageRoot, "README.md")));
  assert.match(manifest.scripts.package, /--no-dependencies/);
  assert.ok(manifest.repository || /--allow-missing-repository/.test(manifest.scripts.package));
});

test("the modules with pure logic do not import vscode", () => {
  for (const file of ["settings", "status", "findings", "binary"]) {
    const source = fs.readFileSync(path.join(packageRoot, "src", `${file}.ts`), "utf8");
    assert.doesNotMatch(source, /from\s+["']vscode["']|require\(["']vscode["']\)/, `${file}.ts imports vscode`);
  }
});

test("the icon is a 128x128 PNG that the .vsix ships", () => {
  const icon = fs.readFileSync(path.join(packageRoot, manifest.icon));
  assert.equal(icon.subarray(1, 4).toString("latin1"), "PNG");
  assert.equal(icon.readUInt32BE(16), 128, "width");
  assert.equal(icon.readUInt32BE(20), 128, "height");
  const shipped = fs.readFileSync(path.join(packageRoot, ".vscodeignore"), "utf8").split("\n");
  for (const file of [manifest.icon, "server/dossier", "server/dossier.exe"]) {
    assert.ok(shipped.includes(`!${file}`), `.vscodeignore leaves out ${file}`);
  }
  assert.equal(manifest.scripts["package:platform"], "node scripts/package-platform.mjs");
});
