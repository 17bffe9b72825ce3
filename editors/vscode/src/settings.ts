// Maps the user's `dossier.*` settings to what the server reads, both as
// `initializationOptions` and as the `dossier` section of `workspace/configuration`.
// This module must not import `vscode`: the unit tests load it in plain Node.

/** The server's configuration keys (camelCase, see SPEC.md section 3). */
export interface ServerConfiguration {
  corpus?: string[];
  exclude?: string[];
  check?: {
    minQuoteWords?: number;
    nearThreshold?: number;
  };
}

/**
 * Returns the value the user set explicitly for a `dossier.*` key (for example
 * "corpus" or "check.minQuoteWords"), or `undefined` when it was left at its default.
 *
 * Why only explicit values: the server layers LSP settings over `dossier.toml`, so
 * sending VS Code's defaults would silently override the analyst's file.
 */
export type SettingReader = (key: string) => unknown;

export function toServerConfiguration(read: SettingReader): ServerConfiguration {
  const configuration: ServerConfiguration = {};
  const corpus = nonEmptyStringList(read("corpus"));
  if (corpus) configuration.corpus = corpus;
  const exclude = nonEmptyStringList(read("exclude"));
  if (exclude) configuration.exclude = exclude;

  const check: NonNullable<ServerConfiguration["check"]> = {};
  const minQuoteWords = read("check.minQuoteWords");
  if (typeof minQuoteWords === "number" && Number.isInteger(minQuoteWords) && minQuoteWords >= 1) {
    check.minQuoteWords = minQuoteWords;
  }
  const nearThreshold = read("check.nearThreshold");
  if (typeof nearThreshold === "number" && nearThreshold >= 0 && nearThreshold <= 1) {
    check.nearThreshold = nearThreshold;
  }
  if (Object.keys(check).length > 0) configuration.check = check;
  return configuration;
}

/**
 * Arguments for `dossier check` over the whole workspace. The CLI has no flag for
 * `exclude` or the check thresholds; it reads those from `dossier.toml`, but the
 * corpus setting is passed on so the CLI checks against the same corpus as the editor.
 */
export function checkCommandArgs(root: string, configuration: ServerConfiguration, briefs: string[] = []): string[] {
  const args = ["check", "--format", "json", "--root", root];
  for (const corpus of configuration.corpus ?? []) args.push("--corpus", corpus);
  args.push(...briefs);
  return args;
}

/** The server's command line: `dossier lsp` (the server also accepts `--stdio`). */
export function serverArgs(): string[] {
  return ["lsp"];
}

function nonEmptyStringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const strings = value.filter((item): item is string => typeof item === "string" && item.trim() !== "");
  return strings.length > 0 ? strings : undefined;
}
