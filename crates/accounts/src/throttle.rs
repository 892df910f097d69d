//! Sign-in rate limiting: the rules only. The store counts failed sign-ins (per account and per
//! client address) after [`SignInLimits::window_start`]; these functions decide what follows.
//!
//! Two limits because they stop different attacks: the per-account lock stops guessing one
//! user's password from many addresses, the per-address throttle stops one address trying a
//! few passwords against many accounts.

/// The thresholds; counts are of failures within the last `window_seconds`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SignInLimits {
    /// Failures on one account that lock it.
    pub account_failures: u32,
    /// Failures from one address that throttle it.
    pub address_failures: u32,
    /// How far back failures count.
    pub window_seconds: i64,
    /// How long a locked account stays locked.
    pub lock_seconds: i64,
}

impl Default for SignInLimits {
    /// 5 failures per account or 20 per address within 15 minutes; a lock lasts 15 minutes,
    /// short enough that a legitimate user who mistyped is not shut out for the day.
    fn default() -> Self {
        SignInLimits {
            account_failures: 5,
            address_failures: 20,
            window_seconds: 15 * 60,
            lock_seconds: 15 * 60,
        }
    }
}

/// Whether a sign-in attempt may go ahead (and the password be checked at all).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SignInGate {
    Open,
    /// The account is locked until this Unix time.
    AccountLocked {
        until: i64,
    },
    /// The address may try again at this Unix time, when its oldest counted failure leaves
    /// the window.
    AddressThrottled {
        retry_after: i64,
    },
}

impl SignInGate {
    /// Seconds to wait from `now` before trying again, e.g. for an HTTP `Retry-After` header;
    /// 0 when open.
    pub fn wait_seconds(&self, now: i64) -> i64 {
        match *self {
            SignInGate::Open => 0,
            SignInGate::AccountLocked { until: at }
            | SignInGate::AddressThrottled { retry_after: at } => at.saturating_sub(now).max(0),
        }
    }
}

impl SignInLimits {
    /// The start of the counting window at `now`: failures strictly after it count
    /// (`failed_at > window_start`), so a failure stops counting exactly `window_seconds` later.
    pub fn window_start(&self, now: i64) -> i64 {
        now.saturating_sub(self.window_seconds)
    }

    /// Decides, before the password is checked, whether this attempt may proceed.
    ///
    /// Recent failures are counted since `now - window`. `locked_until` is the account's lock
    /// (`None` when the e-mail has no account or no lock); the account lock is reported first
    /// since it is the more specific reason. To avoid revealing which e-mails have accounts,
    /// the web layer should word both refusals alike.
    pub fn gate(
        &self,
        locked_until: Option<i64>,
        address_failures_in_window: u32,
        oldest_address_failure_in_window: Option<i64>,
        now: i64,
    ) -> SignInGate {
        if let Some(until) = locked_until
            && until > now
        {
            return SignInGate::AccountLocked { until };
        }
        if address_failures_in_window >= self.address_failures {
            // The oldest failure leaving the window brings the count below the limit. Without
            // it (the store disagrees with itself), assume it just happened.
            let oldest = oldest_address_failure_in_window.unwrap_or(now);
            let retry_after = oldest
                .saturating_add(self.window_seconds)
                .max(now.saturating_add(1));
            return SignInGate::AddressThrottled { retry_after };
        }
        SignInGate::Open
    }

    /// After a failed sign-in: the time to lock the account until, when its failures in the
    /// window (counting this one) have reached the limit.
    pub fn lock_after_failure(&self, account_failures_in_window: u32, now: i64) -> Option<i64> {
        (account_failures_in_window >= self.account_failures)
            .then(|| now.saturating_add(self.lock_seconds))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_750_000_000;

    #[test]
    fn defaults() {
        let limits = SignInLimits::default();
        assert_eq!(
            limits,
            SignInLimits {
                account_failures: 5,
                address_failures: 20,
                window_seconds: 900,
                lock_seconds: 900
            }
        );
        assert_eq!(limits.window_start(NOW), NOW - 900);
    }

    #[test]
    fn open_below_the_limits() {
        let limits = SignInLimits::default();
        assert_eq!(limits.gate(None, 0, None, NOW), SignInGate::Open);
        assert_eq!(
            limits.gate(None, 19, Some(NOW - 100), NOW),
            SignInGate::Open
        );
        assert_eq!(SignInGate::Open.wait_seconds(NOW), 0);
    }

    #[test]
    fn a_lock_holds_until_its_time() {
        let limits = SignInLimits::default();
        let gate = limits.gate(Some(NOW + 300), 0, None, NOW);
        assert_eq!(gate, SignInGate::AccountLocked { until: NOW + 300 });
        assert_eq!(gate.wait_seconds(NOW), 300);
        assert_eq!(limits.gate(Some(NOW), 0, None, NOW), SignInGate::Open);
        assert_eq!(limits.gate(Some(NOW - 1), 0, None, NOW), SignInGate::Open);
    }

    #[test]
    fn the_account_lock_is_reported_first() {
        let limits = SignInLimits::default();
        assert_eq!(
            limits.gate(Some(NOW + 10), 50, Some(NOW - 10), NOW),
            SignInGate::AccountLocked { until: NOW + 10 }
        );
    }

    #[test]
    fn an_address_is_throttled_until_its_oldest_failure_leaves_the_window() {
        let limits = SignInLimits::default();
        let gate = limits.gate(None, 20, Some(NOW - 600), NOW);
        assert_eq!(
            gate,
            SignInGate::AddressThrottled {
                retry_after: NOW + 300
            }
        );
        assert_eq!(gate.wait_seconds(NOW), 300);
        assert_eq!(
            limits.gate(None, 25, None, NOW),
            SignInGate::AddressThrottled {
                retry_after: NOW + 900
            }
        );
        // A failure the store should no longer count: retry in a second, never "now".
        assert_eq!(
            limits.gate(None, 20, Some(NOW - 900), NOW),
            SignInGate::AddressThrottled {
                retry_after: NOW + 1
            }
        );
    }

    #[test]
    fn the_fifth_failure_locks() {
        let limits = SignInLimits::default();
        for failures in 0..5 {
            assert_eq!(limits.lock_after_failure(failures, NOW), None);
        }
        assert_eq!(limits.lock_after_failure(5, NOW), Some(NOW + 900));
        assert_eq!(limits.lock_after_failure(9, NOW), Some(NOW + 900));
    }

    #[test]
    fn extreme_values_do_not_overflow() {
        let limits = SignInLimits {
            account_failures: 1,
            address_failures: 1,
            window_seconds: i64::MAX,
            lock_seconds: i64::MAX,
        };
        assert_eq!(limits.lock_after_failure(1, i64::MAX), Some(i64::MAX));
        assert_eq!(
            limits.gate(None, 1, Some(i64::MAX), i64::MAX),
            SignInGate::AddressThrottled {
                retry_after: i64::MAX
            }
        );
        assert_eq!(limits.window_start(i64::MIN), i64::MIN);
        assert_eq!(
            SignInGate::AccountLocked { until: i64::MIN }.wait_seconds(i64::MAX),
            0
        );
    }
}
