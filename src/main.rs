//! The `dossier` binary: argument parsing and wiring only.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use dossier::cli::{self, CheckArgs, CommonArgs, IndexArgs, OutputFormat};

/// A language server for analysts who write markdown briefs against a corpus of news
/// articles. With no command, serves LSP on stdio.
#[derive(Parser)]
#[command(name = "dossier", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Serve LSP on stdio: what VS Code's client appends, and the default anyway. Hidden,
    /// and not global: `check` and `index` have no use for it.
    #[arg(long, hide = true)]
    stdio: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the language server on stdin/stdout (what an editor starts).
    Lsp {
        /// Accepted for clients that append it (`dossier lsp --stdio`); stdio is the only
        /// transport.
        #[arg(long, hide = true)]
        stdio: bool,
    },
    /// Check briefs against the corpus and print the findings.
    Check {
        /// Briefs to check (default: every brief of the workspace).
        briefs: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[command(flatten)]
        common: Common,
    },
    /// Print what the corpus holds: counts, top actors, events, a timeline.
    Index {
        /// Print everything as JSON.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        common: Common,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Args)]
struct Common {
    /// The workspace folder (default: the current directory).
    #[arg(long, value_name = "DIR")]
    root: Option<PathBuf>,
    /// Corpus files, folders or globs; repeatable; replaces the configured corpus.
    #[arg(long, value_name = "PATH_OR_GLOB")]
    corpus: Vec<String>,
    /// The configuration file (default: dossier.toml in the workspace).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Neither read nor write the index cache (same as `cache = false` in dossier.toml).
    #[arg(long)]
    no_cache: bool,
}

impl From<Common> for CommonArgs {
    fn from(c: Common) -> Self {
        CommonArgs {
            root: c.root,
            corpus: c.corpus,
            config: c.config,
            no_cache: c.no_cache,
        }
    }
}

/// What a bare `dossier` on a terminal says before it waits for an editor's messages.
const TERMINAL_NOTE: &str = "dossier: this is a language server; it speaks LSP on stdin/stdout and is started by your editor (see the README for VS Code, Neovim, Helix and Emacs).
To check briefs from the terminal: `dossier check [BRIEF.md ...]` (all briefs of the current folder when none is named); `dossier index` shows what the corpus holds; `dossier --help` lists everything.
Waiting for LSP messages on stdin; press Ctrl-C to quit.";

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let code = if err.use_stderr() {
                cli::EXIT_ERROR
            } else {
                cli::EXIT_OK
            };
            let _ = err.print();
            return ExitCode::from(code as u8);
        }
    };
    // Logs go to stderr (stdout carries the protocol or the report), quiet unless
    // DOSSIER_LOG asks (`DOSSIER_LOG=info dossier index` shows where the time goes).
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("DOSSIER_LOG")
                .unwrap_or_else(|_| "warn".into()),
        )
        .init();
    let code = match cli.command {
        None | Some(Command::Lsp { .. }) => serve(),
        Some(Command::Check {
            briefs,
            format,
            common,
        }) => {
            let format = match format {
                Format::Text => OutputFormat::Text,
                Format::Json => OutputFormat::Json,
            };
            cli::run_check(&CheckArgs {
                common: common.into(),
                briefs,
                format,
            })
        }
        Some(Command::Index { json, common }) => cli::run_index(&IndexArgs {
            common: common.into(),
            json,
        }),
    };
    ExitCode::from(code as u8)
}

fn serve() -> i32 {
    // Someone who runs `dossier` by hand would otherwise see a cursor wait for JSON-RPC.
    if std::io::stdin().is_terminal() {
        eprintln!("{TERMINAL_NOTE}");
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("error: cannot start the async runtime: {err}");
            return cli::EXIT_ERROR;
        }
    };
    let end = runtime.block_on(dossier::lsp::serve_stdio());
    // The stdin reader may still sit in a blocking read; do not wait for it.
    runtime.shutdown_background();
    match end {
        dossier::lsp::SessionEnd::ShutDown => cli::EXIT_OK,
        // LSP: "exit with error code 1" when `shutdown` did not come first.
        dossier::lsp::SessionEnd::WithoutShutdown => 1,
    }
}
