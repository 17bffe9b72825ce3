import * as assert from "node:assert/strict";
import { test } from "node:test";
import { documentCount, formatStatus, startingStatus, stoppedStatus } from "../../src/status";

test("ready shows the document count", () => {
  assert.equal(formatStatus({ state: "ready", documents: 5 }).text, "dossier: 5 documents");
  assert.equal(formatStatus({ state: "ready", documents: 1 }).text, "dossier: 1 document");
  assert.equal(formatStatus({ state: "ready", documents: 5 }).warning, false);
});

test("ready with an empty corpus warns", () => {
  const view = formatStatus({ state: "ready", documents: 0, message: "no corpus files found" });
  assert.equal(view.text, "dossier: 0 documents");
  assert.equal(view.warning, true);
  assert.match(view.tooltip, /no corpus files found/);
});

test("indexing spins and shows the server's message", () => {
  const view = formatStatus({ state: "indexing", documents: 2, message: "2/5 files" });
  assert.equal(view.text, "$(sync~spin) dossier: indexing (2/5 files)");
  assert.match(view.tooltip, /2\/5 files/);
  assert.equal(formatStatus({ state: "indexing", documents: 3 }).text, "$(sync~spin) dossier: indexing (3 documents so far)");
  assert.equal(formatStatus({ state: "indexing" }).text, "$(sync~spin) dossier: indexing…");
  assert.equal(formatStatus({ state: "indexing", documents: 0 }).text, "$(sync~spin) dossier: indexing…");
});

test("the server's own messages are not repeated", () => {
  // What dossier sends: {"state":"indexing","documents":0,"message":"dossier: indexing…"}
  assert.equal(formatStatus({ state: "indexing", documents: 0, message: "dossier: indexing…" }).text, "$(sync~spin) dossier: indexing…");
  const ready = formatStatus({ state: "ready", documents: 5, message: "dossier: 5 documents, 0 actors, 0 events, 0 quotes" });
  assert.equal(ready.text, "dossier: 5 documents");
  assert.match(ready.tooltip, /^Index: 5 documents, 0 actors, 0 events, 0 quotes\n/);
});

test("an unknown state is shown as it came", () => {
  assert.equal(formatStatus({ state: "degraded", message: "config error" }).text, "dossier: degraded");
  assert.equal(formatStatus({ state: "degraded", message: "config error" }).tooltip, "config error");
});

test("starting and stopped", () => {
  assert.match(startingStatus().text, /dossier: starting/);
  const stopped = stoppedStatus("binary not found");
  assert.equal(stopped.text, "$(error) dossier: stopped");
  assert.equal(stopped.tooltip, "binary not found");
  assert.equal(stopped.warning, true);
});

test("document counts are pluralized", () => {
  assert.equal(documentCount(0), "0 documents");
  assert.equal(documentCount(1), "1 document");
  assert.equal(documentCount(12), "12 documents");
});

test("no workspace warns and says what to open", () => {
  const view = formatStatus({ state: "no-workspace", documents: 0, message: "dossier: the editor gave no workspace folder" });
  assert.equal(view.text, "$(warning) dossier: no workspace");
  assert.equal(view.warning, true);
  assert.match(view.tooltip, /no workspace folder/);
  assert.match(view.tooltip, /Open a folder/);
});
