//! Per-address limits on the API (GCRA, the `governor` crate), kept in each server's memory: a
//! script that floods one server is slowed there; the limit is per server, not global.

use std::num::NonZeroU32;

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use super::AuthConfig;

pub type ApiLimiter = DefaultKeyedRateLimiter<String>;

/// The limiter the configuration asks for, or none when the limit is 0.
pub fn api_limiter(config: &AuthConfig) -> Option<ApiLimiter> {
    let rate = NonZeroU32::new(config.api_requests_per_second)?;
    let burst = NonZeroU32::new(config.api_burst.max(config.api_requests_per_second))?;
    Some(RateLimiter::keyed(
        Quota::per_second(rate).allow_burst(burst),
    ))
}

/// Whether a request from `address` may go on; `Err(seconds)` to wait otherwise.
pub fn check(limiter: &ApiLimiter, address: &str) -> Result<(), u64> {
    // Forget addresses that have not been seen for a while, so the table stays small.
    if limiter.len() > 50_000 {
        limiter.retain_recent();
    }
    limiter.check_key(&address.to_owned()).map_err(|not_until| {
        let wait = not_until.wait_time_from(governor::clock::Clock::now(
            &governor::clock::DefaultClock::default(),
        ));
        wait.as_secs().max(1)
    })
}
