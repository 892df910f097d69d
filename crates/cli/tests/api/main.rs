//! One integration-test binary: the application spawned on 127.0.0.1:0 over its own database —
//! a fresh SQLite file, or a fresh PostgreSQL schema when `TAAWUN_TEST_DATABASE_URL` is set —
//! and the `taawun` binary run as a user would.

mod accounts;
mod authorization;
mod cli;
mod consultations;
mod council;
mod fund_requests;
mod funds;
mod health;
mod helpers;
mod listing_caches;
mod pages;
mod plans;
mod practices;
mod resolutions;
mod search;
mod search_practices;
mod seminars;
mod states_api;
mod store;
mod truth;
mod two_servers;
mod upr;
mod upr_pages;
mod upr_search;
mod vote_analytics;
mod votes;
