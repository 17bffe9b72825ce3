// Finds the dossier binary: the `dossier.path` setting, else the server a platform .vsix
// carries (server/dossier inside the extension), else `dossier` on PATH.
// No `vscode` import: the unit tests load this in plain Node.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export const INSTALL_HINT =
  "Install the platform .vsix that carries the server (`npm run package:platform` in editors/vscode), or build it with `cargo install --path .` in the dossier repository (or `cargo build` and put target/debug on PATH), then set `dossier.path` if it is not on PATH.";

/** Where a platform .vsix puts the server, inside the extension's folder. */
export function bundledServerPath(extensionRoot: string, platform: NodeJS.Platform = process.platform): string {
  return path.join(extensionRoot, "server", platform === "win32" ? "dossier.exe" : "dossier");
}

export type BinaryLookup =
  | { found: true; command: string }
  | { found: false; message: string };

export interface LookupEnvironment {
  PATH?: string;
  PATHEXT?: string;
  HOME?: string;
  platform: NodeJS.Platform;
  isExecutable: (file: string) => boolean;
}

export function defaultEnvironment(): LookupEnvironment {
  return {
    PATH: process.env.PATH,
    PATHEXT: process.env.PATHEXT,
    HOME: os.homedir(),
    platform: process.platform,
    isExecutable,
  };
}

/**
 * `setting` is the value of `dossier.path` ("" or unset: the `bundled` server when the
 * extension carries one, else `dossier` on PATH). A setting that contains no path
 * separator is also searched on PATH; `~/` is expanded. Relative paths with a separator
 * are taken relative to `workspaceRoot` when given.
 */
export function findServerBinary(
  setting: string | undefined,
  environment: LookupEnvironment = defaultEnvironment(),
  workspaceRoot?: string,
  bundled?: string,
): BinaryLookup {
  let name = (setting ?? "").trim();
  if (name === "" && bundled !== undefined && environment.isExecutable(bundled)) {
    return { found: true, command: bundled };
  }
  if (name === "") name = "dossier";
  if (name.startsWith("~/") && environment.HOME) name = path.join(environment.HOME, name.slice(2));

  const hasSeparator = name.includes("/") || (environment.platform === "win32" && name.includes("\\"));
  if (hasSeparator) {
    const file = path.isAbsolute(name) || !workspaceRoot ? name : path.resolve(workspaceRoot, name);
    if (environment.isExecutable(file)) return { found: true, command: file };
    return {
      found: false,
      message: `dossier: the server binary set in dossier.path (${file}) does not exist or is not executable. ${INSTALL_HINT}`,
    };
  }

  const delimiter = environment.platform === "win32" ? ";" : ":";
  const extensions =
    environment.platform === "win32" ? (environment.PATHEXT ?? ".EXE;.CMD;.BAT").split(";").concat([""]) : [""];
  for (const directory of (environment.PATH ?? "").split(delimiter)) {
    if (directory === "") continue;
    for (const extension of extensions) {
      const file = path.join(directory, name + extension);
      if (environment.isExecutable(file)) return { found: true, command: file };
    }
  }
  return {
    found: false,
    message: `dossier: the server binary \`${name}\` was not found on PATH. ${INSTALL_HINT}`,
  };
}

function isExecutable(file: string): boolean {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return false;
    if (process.platform === "win32") return true;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
