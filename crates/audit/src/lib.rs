//! The audit trail's hash chain.
//!
//! Every change to a record is appended to the audit log in the transaction that makes it. Each
//! entry carries the hash of the entry before it, and its own hash covers every field it holds
//! plus that previous hash, so editing an entry, removing one or inserting one anywhere but at
//! the end breaks the chain at that point. The database refuses UPDATE and DELETE on the log
//! (triggers); the chain is what still proves tampering by someone who can bypass them (a
//! database owner, a copied file). Publishing the head hash now and then (`taawun audit verify`
//! prints it) also pins the end of the chain.
//!
//! Nothing here knows SQL: stores hand entries in `seq` order to a [`Verifier`].

use serde::Serialize;
use sha2::{Digest, Sha256};

/// The previous hash of the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Who made a change. The log keeps the account and the role it acted in, never an e-mail
/// address: the public history shows the role, and the person's name only if they chose so
/// (looked up when shown, so that choice can change without touching the log).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Actor {
    /// The account, or `None` for the command line and the system itself.
    pub user_id: Option<i64>,
    /// The role the change was made in: `administrator`, `secretariat`, …, `command-line`,
    /// `system`, `public` (an anonymous sign-up step such as accepting an invitation).
    pub role: String,
}

impl Actor {
    pub fn command_line() -> Actor {
        Actor {
            user_id: None,
            role: "command-line".into(),
        }
    }

    pub fn system() -> Actor {
        Actor {
            user_id: None,
            role: "system".into(),
        }
    }

    pub fn user(user_id: i64, role: impl Into<String>) -> Actor {
        Actor {
            user_id: Some(user_id),
            role: role.into(),
        }
    }
}

/// Who asked for a change, as every write receives it: the actor and the request it came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChangeContext {
    pub actor: Actor,
    /// The HTTP request id (`x-request-id`), or a command-line run id.
    pub request_id: Option<String>,
}

impl ChangeContext {
    pub fn command_line() -> ChangeContext {
        ChangeContext {
            actor: Actor::command_line(),
            request_id: None,
        }
    }

    pub fn system() -> ChangeContext {
        ChangeContext {
            actor: Actor::system(),
            request_id: None,
        }
    }
}

/// A change about to be logged: what a store builds inside the change's transaction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// `create`, `update`, `delete`, `import`, `revoke`, …
    pub action: String,
    /// `resolution`, `vote-dataset`, `user`, `organisation`, …
    pub record_type: String,
    pub record_id: String,
    /// The record before and after, as JSON text. Stored and hashed exactly as given, so the
    /// hash never depends on how a database or a JSON library orders keys.
    pub before: Option<String>,
    pub after: Option<String>,
}

impl Change {
    pub fn new(action: &str, record_type: &str, record_id: impl Into<String>) -> Change {
        Change {
            action: action.to_owned(),
            record_type: record_type.to_owned(),
            record_id: record_id.into(),
            before: None,
            after: None,
        }
    }

    pub fn before(mut self, value: &impl Serialize) -> Change {
        self.before = Some(to_json(value));
        self
    }

    pub fn after(mut self, value: &impl Serialize) -> Change {
        self.after = Some(to_json(value));
        self
    }
}

fn to_json(value: &impl Serialize) -> String {
    // Serialising plain data (structs, strings, numbers) to a String cannot fail; if a type ever
    // could, its failure is still recorded rather than lost.
    serde_json::to_string(value).unwrap_or_else(|e| format!("{{\"unserialisable\":\"{e}\"}}"))
}

/// One stored entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// 1, 2, 3, … without gaps.
    pub seq: i64,
    /// Microseconds since the Unix epoch (UTC).
    pub at_us: i64,
    pub actor_user_id: Option<i64>,
    pub actor_role: String,
    pub action: String,
    pub record_type: String,
    pub record_id: String,
    pub before: Option<String>,
    pub after: Option<String>,
    pub request_id: Option<String>,
    pub prev_hash: String,
    pub hash: String,
}

impl Entry {
    /// Seals a change as entry `seq` after the entry whose hash is `prev_hash`.
    pub fn seal(
        seq: i64,
        at_us: i64,
        context: &ChangeContext,
        change: Change,
        prev_hash: &str,
    ) -> Entry {
        let mut entry = Entry {
            seq,
            at_us,
            actor_user_id: context.actor.user_id,
            actor_role: context.actor.role.clone(),
            action: change.action,
            record_type: change.record_type,
            record_id: change.record_id,
            before: change.before,
            after: change.after,
            request_id: context.request_id.clone(),
            prev_hash: prev_hash.to_owned(),
            hash: String::new(),
        };
        entry.hash = entry.computed_hash();
        entry
    }

    /// The hash of every field but `hash` itself. Each field is written with its length first
    /// (and absent values marked apart from empty ones), so no two different entries can be
    /// encoded the same way by shifting text from one field to the next.
    pub fn computed_hash(&self) -> String {
        let mut hasher = Sha256::new();
        hasher.update(b"taawun-audit-v1");
        field(&mut hasher, Some(self.seq.to_string().as_bytes()));
        field(&mut hasher, Some(self.at_us.to_string().as_bytes()));
        field(
            &mut hasher,
            self.actor_user_id
                .map(|id| id.to_string())
                .as_deref()
                .map(str::as_bytes),
        );
        field(&mut hasher, Some(self.actor_role.as_bytes()));
        field(&mut hasher, Some(self.action.as_bytes()));
        field(&mut hasher, Some(self.record_type.as_bytes()));
        field(&mut hasher, Some(self.record_id.as_bytes()));
        field(&mut hasher, self.before.as_deref().map(str::as_bytes));
        field(&mut hasher, self.after.as_deref().map(str::as_bytes));
        field(&mut hasher, self.request_id.as_deref().map(str::as_bytes));
        field(&mut hasher, Some(self.prev_hash.as_bytes()));
        hex::encode(hasher.finalize())
    }
}

fn field(hasher: &mut Sha256, value: Option<&[u8]>) {
    match value {
        None => hasher.update([0u8]),
        Some(bytes) => {
            hasher.update([1u8]);
            hasher.update((bytes.len() as u64).to_le_bytes());
            hasher.update(bytes);
        }
    }
}

/// Why the chain breaks at an entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Break {
    /// The entry's fields no longer give its hash: it was edited.
    Altered,
    /// The entry does not point at the one before it: an entry before it was removed, edited
    /// together with its hash, or inserted.
    Unlinked { expected_prev_hash: String },
    /// A sequence number is missing or repeated.
    OutOfSequence { expected_seq: i64 },
    /// The log ends before the entry its head records as the last: entries were removed from
    /// the end.
    Truncated { last_seq: i64 },
    /// The entry comes after the one the head names: it was added without moving the head.
    Uncovered { head_seq: i64 },
    /// The head names the last entry but records another hash than that entry's.
    HeadChanged { head_hash: String },
}

impl std::fmt::Display for Break {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Break::Altered => write!(
                f,
                "its content does not match its hash (the entry was changed, or written outside the platform)"
            ),
            Break::Unlinked { .. } => write!(
                f,
                "it does not carry the hash of the entry before it (an earlier entry was changed, removed or inserted)"
            ),
            Break::OutOfSequence { expected_seq } => write!(
                f,
                "entry {expected_seq} was expected here: it is missing (entries were removed)"
            ),
            Break::Truncated { last_seq } => write!(
                f,
                "the log ends at entry {last_seq} but its head records this entry as the last (entries were removed from the end)"
            ),
            Break::Uncovered { head_seq } => write!(
                f,
                "the entry is not covered by the head, which names entry {head_seq} as the last (it was inserted outside the platform)"
            ),
            Break::HeadChanged { head_hash } => write!(
                f,
                "the head was changed: it names this entry as the last but records the hash {head_hash}, not this entry's"
            ),
        }
    }
}

/// The first broken entry of a chain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BrokenEntry {
    pub seq: i64,
    pub reason: Break,
}

/// Walks a chain in `seq` order, one entry at a time, so a store can stream millions of entries
/// through it without holding them.
#[derive(Clone, Debug)]
pub struct Verifier {
    head_seq: Option<i64>,
    next_seq: i64,
    prev_hash: String,
    checked: u64,
    broken: Option<BrokenEntry>,
}

impl Default for Verifier {
    fn default() -> Self {
        Verifier {
            head_seq: None,
            next_seq: 1,
            prev_hash: GENESIS.to_owned(),
            checked: 0,
            broken: None,
        }
    }
}

impl Verifier {
    pub fn new() -> Verifier {
        Verifier::default()
    }

    /// A verifier told the head's number before the walk, so that an entry past the head is
    /// reported as written outside the platform rather than checked as part of the chain.
    pub fn with_head(head_seq: i64) -> Verifier {
        Verifier {
            head_seq: Some(head_seq),
            ..Verifier::default()
        }
    }

    /// Checks the next entry. Returns false once the chain is broken (the caller can stop
    /// reading: only the first break is reported, since everything after it is unproven).
    pub fn push(&mut self, entry: &Entry) -> bool {
        if self.broken.is_some() {
            return false;
        }
        let reason = if let Some(head_seq) = self.head_seq.filter(|&head| entry.seq > head) {
            Some(Break::Uncovered { head_seq })
        } else if entry.seq != self.next_seq {
            Some(Break::OutOfSequence {
                expected_seq: self.next_seq,
            })
        } else if entry.computed_hash() != entry.hash {
            Some(Break::Altered)
        } else if entry.prev_hash != self.prev_hash {
            Some(Break::Unlinked {
                expected_prev_hash: self.prev_hash.clone(),
            })
        } else {
            None
        };
        if let Some(reason) = reason {
            self.broken = Some(BrokenEntry {
                seq: entry.seq,
                reason,
            });
            return false;
        }
        self.checked += 1;
        self.next_seq += 1;
        self.prev_hash.clone_from(&entry.hash);
        true
    }

    /// Compares the end of the walk with the head the store keeps (its last entry's number and
    /// hash), which is what catches entries removed from the end.
    pub fn check_head(&mut self, head_seq: i64, head_hash: &str) {
        if self.broken.is_some() {
            return;
        }
        let last_seq = self.next_seq - 1;
        if head_seq > last_seq {
            self.broken = Some(BrokenEntry {
                seq: head_seq,
                reason: Break::Truncated { last_seq },
            });
        } else if head_seq == last_seq && head_hash != self.prev_hash {
            self.broken = Some(BrokenEntry {
                seq: head_seq,
                reason: Break::HeadChanged {
                    head_hash: head_hash.to_owned(),
                },
            });
        } else if head_seq < last_seq {
            self.broken = Some(BrokenEntry {
                seq: head_seq + 1,
                reason: Break::Uncovered { head_seq },
            });
        }
    }

    pub fn finish(self) -> Verification {
        Verification {
            checked: self.checked,
            head_hash: self.prev_hash,
            broken: self.broken,
        }
    }
}

/// What a walk of the chain found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Verification {
    /// Entries proven, from the first up to the first broken one.
    pub checked: u64,
    /// The hash of the last proven entry (GENESIS for an empty log): publish it to pin the chain.
    pub head_hash: String,
    pub broken: Option<BrokenEntry>,
}

impl Verification {
    pub fn is_intact(&self) -> bool {
        self.broken.is_none()
    }
}

/// Verifies a whole chain held in memory.
pub fn verify<'a>(entries: impl IntoIterator<Item = &'a Entry>) -> Verification {
    let mut verifier = Verifier::new();
    for entry in entries {
        if !verifier.push(entry) {
            break;
        }
    }
    verifier.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn chain(n: i64) -> Vec<Entry> {
        let mut entries: Vec<Entry> = Vec::new();
        for seq in 1..=n {
            let prev = entries
                .last()
                .map_or(GENESIS.to_owned(), |e| e.hash.clone());
            let context = ChangeContext {
                actor: Actor::user(seq % 3, "administrator"),
                request_id: Some(format!("req-{seq}")),
            };
            let change = Change::new("update", "organisation", seq.to_string())
                .before(&serde_json::json!({"name": "قبل", "n": seq}))
                .after(&serde_json::json!({"name": "بعد", "n": seq + 1}));
            entries.push(Entry::seal(
                seq,
                1_700_000_000_000_000 + seq,
                &context,
                change,
                &prev,
            ));
        }
        entries
    }

    #[test]
    fn an_untouched_chain_is_intact_and_reports_its_head() {
        let entries = chain(50);
        let result = verify(&entries);
        assert!(result.is_intact());
        assert_eq!(result.checked, 50);
        assert_eq!(result.head_hash, entries[49].hash);
        assert_eq!(verify(&[]).head_hash, GENESIS);
    }

    #[test]
    fn an_edited_field_breaks_the_chain_at_that_entry() {
        let mut entries = chain(20);
        entries[7].after = Some("{\"name\":\"forged\"}".into());
        let result = verify(&entries);
        assert_eq!(result.checked, 7);
        assert_eq!(
            result.broken,
            Some(BrokenEntry {
                seq: 8,
                reason: Break::Altered
            })
        );
    }

    #[test]
    fn an_entry_edited_with_a_fresh_hash_breaks_the_link_after_it() {
        let mut entries = chain(20);
        entries[4].actor_role = "secretariat".into();
        entries[4].hash = entries[4].computed_hash();
        let result = verify(&entries);
        assert_eq!(result.broken.as_ref().map(|b| b.seq), Some(6));
        assert!(matches!(
            result.broken.unwrap().reason,
            Break::Unlinked { .. }
        ));
    }

    #[test]
    fn a_removed_entry_is_found() {
        let mut entries = chain(20);
        entries.remove(10);
        let result = verify(&entries);
        assert_eq!(
            result.broken,
            Some(BrokenEntry {
                seq: 12,
                reason: Break::OutOfSequence { expected_seq: 11 }
            })
        );
    }

    fn walk(entries: &[Entry], head_seq: i64, head_hash: &str) -> Verification {
        let mut verifier = Verifier::with_head(head_seq);
        for entry in entries {
            if !verifier.push(entry) {
                break;
            }
        }
        verifier.check_head(head_seq, head_hash);
        verifier.finish()
    }

    #[test]
    fn an_entry_after_the_head_is_reported_as_inserted_outside_the_platform() {
        let mut entries = chain(10);
        let head = entries[9].hash.clone();
        // Forged as a raw INSERT would: the next number and the head's hash as its link.
        let mut forged = entries[9].clone();
        forged.seq = 11;
        forged.prev_hash = head.clone();
        forged.hash = forged.computed_hash();
        entries.push(forged);
        let result = walk(&entries, 10, &head);
        assert_eq!(result.checked, 10);
        let broken = result.broken.expect("the stray entry is found");
        assert_eq!(
            (broken.seq, &broken.reason),
            (11, &Break::Uncovered { head_seq: 10 })
        );
        assert!(
            broken
                .reason
                .to_string()
                .contains("not covered by the head, which names entry 10")
        );
    }

    #[test]
    fn a_changed_head_is_reported_as_such_and_not_as_a_changed_entry() {
        let entries = chain(10);
        let result = walk(&entries, 10, "deadbeef");
        assert_eq!(result.checked, 10);
        let broken = result.broken.unwrap();
        assert_eq!(broken.seq, 10);
        assert_eq!(
            broken.reason,
            Break::HeadChanged {
                head_hash: "deadbeef".into()
            }
        );
        assert!(
            broken
                .reason
                .to_string()
                .starts_with("the head was changed")
        );
        // A head moved back over intact entries leaves them uncovered.
        let result = walk(&entries, 8, &entries[7].hash);
        assert_eq!(
            result.broken,
            Some(BrokenEntry {
                seq: 9,
                reason: Break::Uncovered { head_seq: 8 }
            })
        );
        assert!(walk(&entries, 10, &entries[9].hash).is_intact());
    }

    #[test]
    fn moving_text_between_fields_changes_the_hash() {
        let mut a = chain(1).remove(0);
        let mut b = a.clone();
        a.record_type = "ab".into();
        a.record_id = "c".into();
        b.record_type = "a".into();
        b.record_id = "bc".into();
        assert_ne!(a.computed_hash(), b.computed_hash());
        a.before = None;
        b.record_type = "ab".into();
        b.record_id = "c".into();
        b.before = Some(String::new());
        assert_ne!(a.computed_hash(), b.computed_hash());
    }

    proptest! {
        #[test]
        fn any_single_field_change_is_detected(role in ".{0,20}", text in ".{0,40}") {
            let mut entries = chain(5);
            let original = entries[2].clone();
            entries[2].actor_role = role.clone();
            entries[2].after = Some(text.clone());
            let changed = entries[2].actor_role != original.actor_role || entries[2].after != original.after;
            let result = verify(&entries);
            prop_assert_eq!(result.is_intact(), !changed);
        }
    }
}
