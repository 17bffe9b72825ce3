import * as assert from "node:assert/strict";
import { test } from "node:test";
import { checkCommandArgs, serverArgs, toServerConfiguration } from "../../src/settings";

function reader(values: Record<string, unknown>) {
  return (key: string) => values[key];
}

test("settings left at their defaults send nothing, so dossier.toml and the server defaults apply", () => {
  assert.deepEqual(toServerConfiguration(reader({})), {});
  assert.deepEqual(toServerConfiguration(reader({ corpus: [], exclude: [], "check.minQuoteWords": null })), {});
});

test("corpus, exclude and check.minQuoteWords map to the server's keys", () => {
  const configuration = toServerConfiguration(
    reader({
      corpus: ["seeds/*.txt", "sources"],
      exclude: ["drafts/**"],
      "check.minQuoteWords": 5,
      "check.nearThreshold": 0.75,
    }),
  );
  assert.deepEqual(configuration, {
    corpus: ["seeds/*.txt", "sources"],
    exclude: ["drafts/**"],
    check: { minQuoteWords: 5, nearThreshold: 0.75 },
  });
});

test("values of the wrong type or out of range are dropped", () => {
  const configuration = toServerConfiguration(
    reader({
      corpus: "seeds/*.txt",
      exclude: ["", 3, "drafts/**"],
      "check.minQuoteWords": 2.5,
      "check.nearThreshold": 1.5,
    }),
  );
  assert.deepEqual(configuration, { exclude: ["drafts/**"] });
  assert.deepEqual(toServerConfiguration(reader({ "check.minQuoteWords": 0 })), {});
  assert.deepEqual(toServerConfiguration(reader({ "check.minQuoteWords": "4" })), {});
});

test("check arguments name the root, JSON output and the configured corpus", () => {
  assert.deepEqual(checkCommandArgs("/ws", {}), ["check", "--format", "json", "--root", "/ws"]);
  assert.deepEqual(checkCommandArgs("/ws", { corpus: ["a/*.txt", "b"], exclude: ["x"] }, ["brief.md"]), [
    "check",
    "--format",
    "json",
    "--root",
    "/ws",
    "--corpus",
    "a/*.txt",
    "--corpus",
    "b",
    "brief.md",
  ]);
});

test("the server runs as `dossier lsp`", () => {
  assert.deepEqual(serverArgs(), ["lsp"]);
});
