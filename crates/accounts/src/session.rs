//! When a signed-in session ends.
//!
//! Two limits: an idle one, so a browser left open in a shared office stops being signed in,
//! and an absolute one, so a stolen session cookie is worth a working day at most.

/// The session lifetimes, in seconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SessionTimes {
    /// Ends a session this long after its last request.
    pub idle_seconds: i64,
    /// Ends a session this long after sign-in, however active.
    pub absolute_seconds: i64,
    /// `last_seen_at` is written back only when it is at least this old, so that every
    /// request does not cost a database write.
    pub touch_after_seconds: i64,
}

impl Default for SessionTimes {
    /// Idle 2 hours, absolute 12 hours, touch after 60 seconds.
    fn default() -> Self {
        SessionTimes {
            idle_seconds: 2 * 60 * 60,
            absolute_seconds: 12 * 60 * 60,
            touch_after_seconds: 60,
        }
    }
}

/// Whether a session may still be used, and if not, why (the sign-in page words them apart).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SessionState {
    Active,
    IdleExpired,
    AbsoluteExpired,
}

impl SessionTimes {
    /// The session's state at `now`; a limit is reached at its exact second. The absolute limit
    /// wins when both are reached, as it is the one a new request cannot extend.
    pub fn state(&self, created_at: i64, last_seen_at: i64, now: i64) -> SessionState {
        if now >= created_at.saturating_add(self.absolute_seconds) {
            SessionState::AbsoluteExpired
        } else if now >= last_seen_at.saturating_add(self.idle_seconds) {
            SessionState::IdleExpired
        } else {
            SessionState::Active
        }
    }

    /// Whether to write `now` as the session's `last_seen_at`.
    pub fn needs_touch(&self, last_seen_at: i64, now: i64) -> bool {
        now.saturating_sub(last_seen_at) >= self.touch_after_seconds
    }

    /// When the session ends if no request comes: the earlier of the two limits. Also the
    /// cookie's expiry and the time after which the store may delete the row.
    pub fn expires_at(&self, created_at: i64, last_seen_at: i64) -> i64 {
        created_at
            .saturating_add(self.absolute_seconds)
            .min(last_seen_at.saturating_add(self.idle_seconds))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: i64 = 1_750_000_000;
    const HOUR: i64 = 3_600;

    #[test]
    fn defaults() {
        let times = SessionTimes::default();
        assert_eq!(times.idle_seconds, 2 * HOUR);
        assert_eq!(times.absolute_seconds, 12 * HOUR);
        assert_eq!(times.touch_after_seconds, 60);
    }

    #[test]
    fn idle_limit() {
        let times = SessionTimes::default();
        assert_eq!(times.state(T0, T0, T0), SessionState::Active);
        assert_eq!(times.state(T0, T0, T0 + 2 * HOUR - 1), SessionState::Active);
        assert_eq!(
            times.state(T0, T0, T0 + 2 * HOUR),
            SessionState::IdleExpired
        );
        // Activity pushes the idle limit.
        let seen = T0 + 3 * HOUR;
        assert_eq!(
            times.state(T0, seen, seen + 2 * HOUR - 1),
            SessionState::Active
        );
        assert_eq!(
            times.state(T0, seen, seen + 2 * HOUR),
            SessionState::IdleExpired
        );
    }

    #[test]
    fn absolute_limit() {
        let times = SessionTimes::default();
        let seen = T0 + 12 * HOUR - 10;
        assert_eq!(
            times.state(T0, seen, T0 + 12 * HOUR - 1),
            SessionState::Active
        );
        assert_eq!(
            times.state(T0, seen, T0 + 12 * HOUR),
            SessionState::AbsoluteExpired
        );
        // Both reached: the absolute one is reported.
        assert_eq!(
            times.state(T0, T0, T0 + 13 * HOUR),
            SessionState::AbsoluteExpired
        );
    }

    #[test]
    fn touch() {
        let times = SessionTimes::default();
        assert!(!times.needs_touch(T0, T0));
        assert!(!times.needs_touch(T0, T0 + 59));
        assert!(times.needs_touch(T0, T0 + 60));
        // A clock that went backwards does not cause writes.
        assert!(!times.needs_touch(T0, T0 - 100));
    }

    #[test]
    fn expiry_is_the_earlier_limit() {
        let times = SessionTimes::default();
        assert_eq!(times.expires_at(T0, T0), T0 + 2 * HOUR);
        assert_eq!(times.expires_at(T0, T0 + 11 * HOUR), T0 + 12 * HOUR);
        for seen in [T0, T0 + HOUR, T0 + 10 * HOUR, T0 + 11 * HOUR] {
            let end = times.expires_at(T0, seen);
            assert_eq!(times.state(T0, seen, end - 1), SessionState::Active);
            assert_ne!(times.state(T0, seen, end), SessionState::Active);
        }
    }

    #[test]
    fn extreme_values_do_not_overflow() {
        let times = SessionTimes {
            idle_seconds: i64::MAX,
            absolute_seconds: i64::MAX,
            touch_after_seconds: i64::MAX,
        };
        assert_eq!(
            times.state(i64::MAX, i64::MAX, i64::MIN),
            SessionState::Active
        );
        assert_eq!(times.expires_at(i64::MAX, i64::MAX), i64::MAX);
        assert!(!times.needs_touch(1, i64::MAX));
        assert!(SessionTimes::default().needs_touch(i64::MIN, i64::MAX));
        let default = SessionTimes::default();
        assert_eq!(
            default.state(i64::MIN, i64::MIN, i64::MAX),
            SessionState::AbsoluteExpired
        );
    }
}
