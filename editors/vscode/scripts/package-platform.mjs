// Packages a platform .vsix that carries the dossier server, as rust-analyzer's does:
//   npm run package:platform          builds the server (cargo build --release --locked)
//   DOSSIER_SERVER=/path/to/dossier npm run package:platform    packages that binary instead
// Writes dossier-<target>.vsix (target: linux-x64, darwin-arm64, win32-x64, ...), for the
// machine it runs on; install it with `code --install-extension dossier-<target>.vsix`.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = path.resolve(packageRoot, "../..");
const exe = process.platform === "win32" ? "dossier.exe" : "dossier";

/** VS Code's name for this platform (`vsce package --target`). */
export function vsceTarget(platform, arch) {
  const platforms = { linux: "linux", darwin: "darwin", win32: "win32" };
  const arches = { x64: "x64", arm64: "arm64", arm: "armhf" };
  if (!platforms[platform] || !arches[arch]) {
    throw new Error(`no VS Code target for ${platform}-${arch}; package without the server: npm run package`);
  }
  return `${platforms[platform]}-${arches[arch]}`;
}

function run(command, args, cwd) {
  console.log(`package-platform: ${command} ${args.join(" ")}`);
  execFileSync(command, args, { cwd, stdio: "inherit", shell: process.platform === "win32" });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const target = vsceTarget(process.platform, process.arch);
  let server = process.env.DOSSIER_SERVER;
  if (!server) {
    run("cargo", ["build", "--release", "--locked"], repoRoot);
    server = path.join(repoRoot, "target", "release", exe);
  }
  if (!fs.existsSync(server)) throw new Error(`no server binary at ${server}`);
  const serverDir = path.join(packageRoot, "server");
  fs.rmSync(serverDir, { recursive: true, force: true });
  fs.mkdirSync(serverDir);
  const bundled = path.join(serverDir, exe);
  fs.copyFileSync(server, bundled);
  fs.chmodSync(bundled, 0o755);
  // The release profile keeps line tables for profiling; the shipped server needs none.
  if (process.platform !== "win32") {
    try {
      execFileSync("strip", [bundled], { stdio: "inherit" });
    } catch {
      console.log("package-platform: no `strip`; the server ships with its debug information");
    }
  }
  const out = `dossier-${target}.vsix`;
  run("npx", ["vsce", "package", "--no-dependencies", "--allow-missing-repository", "--target", target, "--out", out], packageRoot);
  console.log(`package-platform: wrote ${path.join(packageRoot, out)} (server: ${server})`);
}
