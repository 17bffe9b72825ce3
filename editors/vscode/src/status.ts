// Formats the status bar item from the server's `dossier/status` notification and the
// client's own state. No `vscode` import: the unit tests load this in plain Node.

/** Params of the custom notification `dossier/status` that the server sends. */
export interface StatusParams {
  state: "indexing" | "ready" | "no-workspace" | string;
  documents?: number;
  message?: string;
}

export interface StatusView {
  /** Status bar text; `$(name)` is a codicon. */
  text: string;
  tooltip: string;
  /** Whether to paint the item with the warning background. */
  warning: boolean;
}

export const STATUS_NOTIFICATION = "dossier/status";

export function documentCount(n: number): string {
  return `${n} ${n === 1 ? "document" : "documents"}`;
}

export function formatStatus(params: StatusParams): StatusView {
  const documents = typeof params.documents === "number" && params.documents >= 0 ? params.documents : undefined;
  const message = typeof params.message === "string" ? params.message.trim() : "";
  // The server's messages may repeat the "dossier:" prefix that the item already shows.
  const detail = message.replace(/^dossier:\s*/i, "");
  switch (params.state) {
    case "indexing": {
      const progress = /^indexing\b/i.test(detail)
        ? ""
        : detail !== ""
          ? detail
          : documents
            ? `${documentCount(documents)} so far`
            : "";
      return {
        text: "$(sync~spin) dossier: indexing" + (progress !== "" ? ` (${progress})` : "…"),
        tooltip: "dossier is reading the corpus" + (progress !== "" ? `: ${progress}` : "."),
        warning: false,
      };
    }
    case "ready": {
      const count = documents ?? 0;
      return {
        text: `dossier: ${documentCount(count)}`,
        tooltip: `${detail !== "" ? `Index: ${detail}` : `The corpus holds ${documentCount(count)}.`}\nClick to show the server's output.`,
        warning: count === 0,
      };
    }
    case "no-workspace":
      return {
        text: "$(warning) dossier: no workspace",
        tooltip: `${detail !== "" ? detail : "The editor gave the server no workspace folder."}\nOpen a folder (File > Open Folder) that holds the corpus.`,
        warning: true,
      };
    default:
      return {
        text: `dossier: ${params.state}`,
        tooltip: detail !== "" ? detail : `dossier: ${params.state}`,
        warning: false,
      };
  }
}

/** The item while the client starts, before the server sent any status. */
export function startingStatus(): StatusView {
  return { text: "$(sync~spin) dossier: starting…", tooltip: "Starting the dossier language server.", warning: false };
}

/** The item when the server is not running (missing binary, crash, stopped). */
export function stoppedStatus(reason: string): StatusView {
  return { text: "$(error) dossier: stopped", tooltip: reason, warning: true };
}
