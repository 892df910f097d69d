//! `taawun`: the platform's one binary.

use std::process::ExitCode;

use clap::Parser;
use taawun::cli::Cli;

fn main() -> ExitCode {
    let cli = Cli::parse();
    taawun::telemetry::init(cli.global.log_format, cli.command.default_log_level());
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("error: cannot start the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(taawun::cli::run(cli)) {
        Ok(code) => code,
        Err(error) => {
            // One line, the whole chain of causes, no backtrace: what is wrong and what to do.
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}
