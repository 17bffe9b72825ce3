// End-to-end: the real `dossier lsp` (DOSSIER_BIN, else `dossier` on PATH) in a temporary
// workspace holding the repository's seeds/ and two briefs, driven over stdio.
//
// To cover a new feature, add a case to `cases` (or a new list of the same shape): a name
// and a function that asks the running session something about the briefs below and
// asserts on the answer. Every case runs after the index is ready, in the order listed;
// a case that edits a brief should open its own brief so that the others stay independent.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, describe, test } from "node:test";
import { Diagnostic } from "vscode-languageserver-protocol/node";
import {
  completionItems,
  contains,
  createWorkspace,
  definitionTargets,
  dossierBinary,
  findPackageRoot,
  findRepoRoot,
  hoverText,
  INDEXING_TITLE,
  overlaps,
  positionOf,
  rangeOf,
  ServerSession,
  uriOf,
} from "./session";

/** The main brief. Non-ASCII text (’ — 🙂) sits before citations on purpose: columns are UTF-16. */
const BRIEF = `# Syria before the Helsinki summit

Netanyahu’s talks with Putin — in Moscow, on Iran’s presence in Syria [@003_423e3940cca06aad].

Analysts 🙂 keep asking why the US and Russia cannot agree [@001_227275e6a66a84db; @000_1e2f7ca976c65369, p. 3].

Putin’s visit to Tehran is covered in @002_770ca645d559dffd too.

One source nobody has [@zz_no_such_document].
`;

/** A brief for the completion case, which edits it. */
const COMPLETION_BRIEF = `# Notes

Putin met Iran’s leadership in Tehran.
`;

const SEEDS = {
  "000_1e2f7ca976c65369": "000_1e2f7ca976c65369.txt",
  "001_227275e6a66a84db": "001_227275e6a66a84db.txt",
  "002_770ca645d559dffd": "002_770ca645d559dffd.txt",
  "003_423e3940cca06aad": "003_423e3940cca06aad.txt",
  "004_df48a3a5ab45bcd7": "004_df48a3a5ab45bcd7.txt",
};
const TITLE_001 = "Why is it SO difficult for the US and Russia to agree on Syria";

export interface ServerCase {
  name: string;
  run: (session: ServerSession) => Promise<void>;
}

const isUnknownCitation = (diagnostic: Diagnostic) => diagnostic.code === "unknown-citation";

export const cases: ServerCase[] = [
  {
    name: "indexing is reported with $/progress and dossier/status, ending with the document count",
    async run(session) {
      const begin = session.progress.find((event) => event.kind === "begin" && event.title === INDEXING_TITLE);
      assert.ok(begin, `no $/progress begin titled "${INDEXING_TITLE}": ${JSON.stringify(session.progress)}`);
      await session.waitUntil(
        () => session.progress.some((event) => event.kind === "end" && event.token === begin.token),
        10_000,
        "$/progress end of the indexing",
      );
      const ready = await session.waitUntil(
        () => session.statuses.find((status) => status.state === "ready"),
        10_000,
        `dossier/status ready (got ${JSON.stringify(session.statuses)})`,
      );
      assert.equal(ready.documents, Object.keys(SEEDS).length, `dossier/status ready: ${JSON.stringify(ready)}`);
    },
  },
  {
    name: "hover on a citation key shows the document's title and file",
    async run(session) {
      const position = positionOf(BRIEF, "@001_227275e6a66a84db", 5);
      const hover = await session.hover("brief.md", position);
      assert.ok(hover, "no hover on [@001_227275e6a66a84db]");
      const text = hoverText(hover);
      assert.ok(text.includes(TITLE_001), `hover does not show the title ${JSON.stringify(TITLE_001)}:\n${text}`);
      assert.ok(text.includes(SEEDS["001_227275e6a66a84db"]), `hover does not show the file:\n${text}`);
      if (!Array.isArray(hover.contents) && typeof hover.contents === "object" && "kind" in hover.contents) {
        assert.equal(hover.contents.kind, "markdown");
      }
      if (hover.range) {
        assert.ok(contains(hover.range, position), `hover range ${JSON.stringify(hover.range)} misses the cursor`);
        assert.ok(
          overlaps(hover.range, rangeOf(BRIEF, "001_227275e6a66a84db")),
          `hover range ${JSON.stringify(hover.range)} is not on the key (UTF-16 columns?)`,
        );
      }
    },
  },
  {
    name: "definition on a citation key goes to the start of the document",
    async run(session) {
      const targets = definitionTargets(
        await session.definition("brief.md", positionOf(BRIEF, "@003_423e3940cca06aad", 3)),
      );
      assert.equal(targets.length, 1, `expected one target, got ${JSON.stringify(targets)}`);
      assert.equal(targets[0].file, session.file(path.join("seeds", SEEDS["003_423e3940cca06aad"])));
      assert.deepEqual(targets[0].range.start, { line: 0, character: 0 });
    },
  },
  {
    name: "definition on the second key of a multi-key citation picks that key",
    async run(session) {
      const targets = definitionTargets(
        await session.definition("brief.md", positionOf(BRIEF, "@000_1e2f7ca976c65369", 8)),
      );
      assert.deepEqual(
        targets.map((target) => target.file),
        [session.file(path.join("seeds", SEEDS["000_1e2f7ca976c65369"]))],
      );
    },
  },
  {
    name: "a bare @key is a citation too",
    async run(session) {
      const targets = definitionTargets(
        await session.definition("brief.md", positionOf(BRIEF, "@002_770ca645d559dffd", 4)),
      );
      assert.deepEqual(
        targets.map((target) => target.file),
        [session.file(path.join("seeds", SEEDS["002_770ca645d559dffd"]))],
      );
    },
  },
  {
    name: "document links point every known key at its file",
    async run(session) {
      const links = await session.documentLinks("brief.md");
      for (const key of ["003_423e3940cca06aad", "001_227275e6a66a84db", "000_1e2f7ca976c65369", "002_770ca645d559dffd"] as const) {
        const keyRange = rangeOf(BRIEF, key);
        const link = links.find((candidate) => overlaps(candidate.range, keyRange));
        assert.ok(link, `no document link on ${key}; links: ${JSON.stringify(links)}`);
        assert.ok(link.target, `the link on ${key} has no target`);
        assert.equal(
          path.resolve(new URL(link.target).pathname),
          session.file(path.join("seeds", SEEDS[key])),
          `the link on ${key} points elsewhere`,
        );
      }
    },
  },
  {
    name: "an unknown key is an Error diagnostic unknown-citation from dossier; known keys are not flagged",
    async run(session) {
      const bogus = rangeOf(BRIEF, "zz_no_such_document");
      const diagnostics = await session.waitForDiagnostics(
        "brief.md",
        (published) => published.some((diagnostic) => isUnknownCitation(diagnostic) && overlaps(diagnostic.range, bogus)),
        "unknown-citation on [@zz_no_such_document]",
      );
      const unknown = diagnostics.filter(isUnknownCitation);
      const onBogus = unknown.find((diagnostic) => overlaps(diagnostic.range, bogus));
      assert.ok(onBogus);
      assert.equal(onBogus.severity, 1, "unknown-citation must be an Error");
      assert.equal(onBogus.source, "dossier");
      assert.equal(onBogus.range.start.line, bogus.start.line);
      for (const key of Object.keys(SEEDS)) {
        if (!BRIEF.includes(key)) continue;
        const flagged = unknown.find((diagnostic) => overlaps(diagnostic.range, rangeOf(BRIEF, key)));
        assert.equal(flagged, undefined, `known key ${key} is flagged: ${JSON.stringify(flagged)}`);
      }
      assert.equal(unknown.length, 1, `expected exactly one unknown-citation: ${JSON.stringify(unknown)}`);
    },
  },
  {
    name: "completion after [@ offers every document key with its title, replacing the typed part",
    async run(session) {
      await session.open("notes.md", COMPLETION_BRIEF);
      await session.append("notes.md", "\nSee [@");
      let text = session.text("notes.md");
      let cursor = positionOf(text, "[@", 2);
      const afterAt = cursor;
      const items = completionItems(await session.completion("notes.md", cursor, "@"));
      const labels = items.map((item) => item.label);
      for (const key of Object.keys(SEEDS)) {
        assert.ok(labels.includes(key), `completion after [@ lacks ${key}: ${JSON.stringify(labels)}`);
      }
      const item001 = items.find((item) => item.label === "001_227275e6a66a84db")!;
      assert.ok(item001.detail?.includes(TITLE_001), `detail is not the title: ${JSON.stringify(item001.detail)}`);
      // The list is small; the document card comes when the item is resolved for display.
      assert.equal(item001.documentation, undefined, "documentation belongs to completionItem/resolve");
      const resolved = await session.resolveCompletion(item001);
      const card = typeof resolved.documentation === "string" ? resolved.documentation : resolved.documentation?.value;
      assert.ok(card?.includes("`@001_227275e6a66a84db`"), `the resolved card lacks the key: ${JSON.stringify(resolved)}`);
      // The detail shows the title right above the docs pane: the card does not repeat it.
      assert.ok(!card?.includes("difficult for the US and Russia"), `the card repeats the title: ${card}`);
      assert.equal(resolved.label, item001.label);

      // Type part of the key: the edit replaces "00" and inserts the whole key.
      await session.append("notes.md", "00");
      text = session.text("notes.md");
      cursor = { line: afterAt.line, character: afterAt.character + 2 };
      const typed = completionItems(await session.completion("notes.md", cursor));
      const item003 = typed.find((item) => item.label === "003_423e3940cca06aad");
      assert.ok(item003, `completion after [@00 lacks 003_423e3940cca06aad: ${JSON.stringify(typed.map((i) => i.label))}`);
      assert.ok(item003.textEdit, "the completion item has no textEdit");
      const edit = item003.textEdit;
      const range = "range" in edit ? edit.range : edit.replace;
      assert.deepEqual(range, { start: afterAt, end: cursor }, "the textEdit must replace exactly the typed key part");
      // Nothing closes the bracket yet: the inserted key closes it.
      assert.equal(edit.newText, "003_423e3940cca06aad]");
      assert.ok(text.endsWith("[@00"));

      // A title word finds the document too, and VS Code keeps it: its filterText matches.
      await session.append("notes.md", "\nAlso [@Tehran");
      text = session.text("notes.md");
      cursor = positionOf(text, "[@Tehran", "[@Tehran".length);
      const byTitle = completionItems(await session.completion("notes.md", cursor));
      const item002 = byTitle.find((item) => item.label === "002_770ca645d559dffd");
      assert.ok(item002, `[@Tehran lacks 002_770ca645d559dffd: ${JSON.stringify(byTitle.map((i) => i.label))}`);
      assert.ok(item002.filterText?.startsWith("Tehran"), `filterText: ${item002.filterText}`);
    },
  },
];

describe(`dossier lsp (${dossierBinary()})`, () => {
  let session: ServerSession;

  before(async () => {
    const workspace = createWorkspace({ "brief.md": BRIEF });
    session = new ServerSession(dossierBinary(), workspace);
    const result = await session.initialize();
    const capabilities = result.capabilities;
    assert.ok(capabilities.hoverProvider, "no hoverProvider");
    assert.ok(capabilities.definitionProvider, "no definitionProvider");
    assert.ok(capabilities.documentLinkProvider, "no documentLinkProvider");
    assert.ok(capabilities.completionProvider, "no completionProvider");
    assert.equal(capabilities.completionProvider.resolveProvider, true, "completion items are not resolvable");
    const triggers = capabilities.completionProvider.triggerCharacters ?? [];
    assert.ok(triggers.includes("@") && triggers.includes("["), `trigger characters ${JSON.stringify(triggers)} lack @ or [`);
    await session.open("brief.md");
    await session.waitForIndex();
  });

  test("every semantic token type in the server's legend is contributed by the extension", () => {
    const legend = session.initializeResult?.capabilities.semanticTokensProvider?.legend;
    if (!legend) return; // The server has no semantic tokens (yet): nothing to colour.
    const manifest = JSON.parse(fs.readFileSync(path.join(findPackageRoot(), "package.json"), "utf8"));
    const contributed = new Set(manifest.contributes.semanticTokenTypes.map((type: { id: string }) => type.id));
    const missing = legend.tokenTypes.filter((type) => !contributed.has(type));
    assert.deepEqual(missing, [], "token types the server sends that package.json does not contribute");
  });

  after(() => {
    // Only when a test failed before shutdown: do not leave the child behind.
    if (session && session.exitCode === undefined) session.kill();
  });

  for (const serverCase of cases) {
    test(serverCase.name, () => serverCase.run(session));
  }

  test("shutdown and exit end the server with code 0", async () => {
    const code = await session.shutdown();
    assert.equal(code, 0, `exit code ${code}${session.logTail()}`);
  });
});

describe("dossier's other command lines for the server", () => {
  for (const args of [["--stdio"], ["lsp", "--stdio"]]) {
    test(`\`dossier ${args.join(" ")}\` serves LSP and exits 0 when the client closes`, async () => {
      const session = new ServerSession(dossierBinary(), createWorkspace({}), args);
      try {
        const result = await session.initialize();
        assert.ok(result.capabilities.hoverProvider, "no hoverProvider");
        const code = await session.shutdown(10_000, true);
        assert.equal(code, 0, `exit code ${code}${session.logTail()}`);
      } finally {
        if (session.exitCode === undefined) session.kill();
      }
    });
  }
});

/** The quote of the saved page fixture (tests/fixtures/sources), as a brief quotes it. */
const PAGE_QUOTE = "we will not leave until they are open";
const SOURCES_BRIEF = `# Talks

Haddad said "${PAGE_QUOTE}" [@article_with_clutter].
`;

/** The text `range` (UTF-16 columns, as JavaScript strings count) selects in `text`. */
function selectedText(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const offset = (position: { line: number; character: number }) =>
    text.split("\n").slice(0, position.line).reduce((sum, line) => sum + line.length + 1, 0) + position.character;
  return text.slice(offset(range.start), offset(range.end));
}

describe("go-to-source on a quote from a saved web page", () => {
  let session: ServerSession;
  let cacheDir: string;

  before(async () => {
    const workspace = createWorkspace({ "brief.md": SOURCES_BRIEF });
    const fixture = path.join(findRepoRoot(), "tests", "fixtures", "sources", "article_with_clutter.html");
    fs.mkdirSync(path.join(workspace, "pages"));
    fs.copyFileSync(fixture, path.join(workspace, "pages", "article_with_clutter.html"));
    // The server's cache folder (where renditions go) in a temporary folder, not the user's.
    cacheDir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "dossier-e2e-cache-")));
    const saved = process.env.DOSSIER_CACHE_DIR;
    process.env.DOSSIER_CACHE_DIR = cacheDir;
    session = new ServerSession(dossierBinary(), workspace);
    if (saved === undefined) delete process.env.DOSSIER_CACHE_DIR;
    else process.env.DOSSIER_CACHE_DIR = saved;
    await session.initialize();
    await session.open("brief.md");
    await session.waitForIndex();
  });

  after(() => {
    if (session && session.exitCode === undefined) session.kill();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  test("definition opens the page's text beside the index cache with the quote's words selected", async () => {
    const targets = definitionTargets(await session.definition("brief.md", positionOf(SOURCES_BRIEF, PAGE_QUOTE, 4)));
    assert.equal(targets.length, 1, `expected one target, got ${JSON.stringify(targets)}`);
    const target = targets[0].file;
    assert.ok(target.startsWith(cacheDir + path.sep), `${target} is not in the cache folder ${cacheDir}`);
    assert.ok(target.endsWith(path.join("renditions", "pages", "article_with_clutter.html.txt")), target);
    const text = fs.readFileSync(target, "utf8");
    assert.equal(selectedText(text, targets[0].selectionRange).replace(/\s+/g, " "), PAGE_QUOTE);
    assert.ok(text.startsWith("---\ntitle: Ceasefire talks stall over aid corridors\n"), text.slice(0, 200));
  });

  test("the quote's hover links the original page and its address", async () => {
    const hover = await session.hover("brief.md", positionOf(SOURCES_BRIEF, PAGE_QUOTE, 4));
    assert.ok(hover, "no hover on the quote");
    const card = hoverText(hover);
    assert.ok(card.startsWith("**Quote verified**"), card);
    const original = uriOf(session.file(path.join("pages", "article_with_clutter.html")));
    assert.ok(card.includes(`(${original})`), `no link to ${original} in:\n${card}`);
    assert.ok(card.includes("<https://ledger.example/world/2019/03/14/ceasefire-talks-stall>"), card);
  });

  test("the citation's hover shows title, outlet, date and address", async () => {
    const hover = await session.hover("brief.md", positionOf(SOURCES_BRIEF, "@article_with_clutter", 3));
    assert.ok(hover, "no hover on the citation");
    const card = hoverText(hover);
    for (const wanted of ["Ceasefire talks stall over aid corridors", "The Geneva Ledger", "2019-03-14", "https://ledger.example/world/2019/03/14/ceasefire-talks-stall"]) {
      assert.ok(card.includes(wanted), `${wanted} not in:\n${card}`);
    }
  });

  test("shutdown ends the server with code 0", async () => {
    const code = await session.shutdown();
    assert.equal(code, 0, `exit code ${code}${session.logTail()}`);
  });
});
