//! The composition root: command-line interface, configuration, choice of storage backend and
//! the server's start-up. The binary (`main.rs`) only parses and runs.

pub mod accounts;
pub mod cli;
pub mod database;
pub mod demo;
pub mod demo_practices;
pub mod funds;
pub mod mail;
pub mod registry;
pub mod reminders;
pub mod search_index;
pub mod server;
pub mod telemetry;
pub mod upr_import;
pub mod vote_import;
