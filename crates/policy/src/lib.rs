//! Authorisation: one function, [`decide`], answers "may this user do this action on this
//! record?". Every route asks it before its handler runs (the route table in `taawun-web`
//! declares each route's action and resource), and handlers ask it again for the record they
//! load. No HTTP and no SQL here: the decision depends only on who is asking and what the record
//! is.
//!
//! Two refusals are distinct on purpose. [`Decision::Forbidden`] (403) is for things the user
//! may know exist but may not do, such as an administrator's page. [`Decision::NotFound`] (404)
//! is for records the user may not know exist, such as another State's draft: answering 403
//! there would confirm the draft exists.

use serde::Serialize;
use taawun_accounts::{Binding, RoleGrant, RoleKind};

/// Who is asking.
#[derive(Clone, Copy, Debug)]
pub enum Subject<'a> {
    /// No account: the public.
    Anonymous,
    User {
        id: i64,
        roles: &'a [RoleGrant],
    },
}

impl Subject<'_> {
    pub fn user_id(&self) -> Option<i64> {
        match self {
            Subject::Anonymous => None,
            Subject::User { id, .. } => Some(*id),
        }
    }

    fn roles(&self) -> &[RoleGrant] {
        match self {
            Subject::Anonymous => &[],
            Subject::User { roles, .. } => roles,
        }
    }

    pub fn has(&self, kind: RoleKind) -> bool {
        self.roles().iter().any(|r| r.kind == kind)
    }

    pub fn is_admin(&self) -> bool {
        self.has(RoleKind::Administrator)
    }

    pub fn is_secretariat(&self) -> bool {
        self.has(RoleKind::Secretariat)
    }

    /// The secretariat, a fund's reviewers and approvers, and administrators.
    pub fn works_for_funds(&self) -> bool {
        self.is_secretariat()
            || self.is_admin()
            || self.has(RoleKind::FundReviewer)
            || self.has(RoleKind::FundApprover)
    }

    /// Whether a role of this user speaks for `owner` (a focal point for its State, a
    /// stakeholder for its organisation, a donor for the State or organisation it is bound to).
    pub fn speaks_for(&self, owner: &Owner) -> bool {
        self.roles()
            .iter()
            .any(|role| match (&role.kind, &role.binding, owner) {
                (RoleKind::FocalPoint, Binding::State(s), Owner::State(o)) => s == o,
                (RoleKind::Stakeholder, Binding::Organisation(s), Owner::Organisation(o)) => s == o,
                _ => false,
            })
    }

    fn funds_as(&self, owner: &Owner) -> bool {
        self.roles()
            .iter()
            .any(|role| match (&role.kind, &role.binding, owner) {
                (RoleKind::Donor, Binding::State(s), Owner::State(o)) => s == o,
                (RoleKind::Donor, Binding::Organisation(s), Owner::Organisation(o)) => s == o,
                _ => false,
            })
    }
}

/// What a record belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Owner {
    State(String),
    Organisation(i64),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    Read,
    Create,
    Update,
    Delete,
}

/// The kinds of record a route or a handler acts on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Resource {
    /// Anything published: resolutions, votes, States, organisations, search, the public
    /// history of published records; and the sign-in, reset and invitation pages themselves.
    Public,
    /// The forms that prove who someone is: signing in, asking for and using a password-reset
    /// link, accepting an invitation. Anyone may submit them; the secret they carry decides.
    Credentials,
    /// The signed-in user's own account: profile, password, API tokens.
    OwnAccount,
    /// One API token; only its owner may see or revoke it.
    ApiToken {
        owner_user_id: i64,
    },
    /// Accounts and their roles.
    Users,
    /// Invitations; creating one for a role.
    Invitations,
    Invitation {
        role: RoleKind,
    },
    /// Organisations as records (reading them is `Public`).
    Organisations,
    /// The whole audit log and the chain's verification.
    AuditLog,
    /// The history of one record: published records' history is public; an account's own
    /// history is its holder's too (`account_of`).
    History {
        published: bool,
        account_of: Option<i64>,
    },
    /// A draft or submission of a State or an organisation (requests, plans, submissions):
    /// its owner's while a draft; the secretariat's too once submitted.
    Submission {
        owner: Owner,
        submitted: bool,
    },
    /// A State's implementation plan for its UPR recommendations (and its actions, status
    /// changes and evidence): the State's focal points and the secretariat read and edit it;
    /// once the State publishes it, everyone reads it. Unpublished, nobody else learns it
    /// exists.
    Plan {
        owner: Owner,
        published: bool,
    },
    /// Publishing or withdrawing a plan: the State's own decision, its focal points' alone.
    PlanPublication {
        owner: Owner,
    },
    /// The routes that write plans, before the plan is known (the handler then asks about the
    /// plan itself): signed-in focal points, the secretariat and administrators.
    PlanWork,
    /// The route that publishes or withdraws a plan, before the plan is known: focal points
    /// (the handler then asks [`Resource::PlanPublication`] about the State).
    PlanPublishing,
    /// A donor's pledge: the donor's own, and the secretariat's.
    Pledge {
        donor: Owner,
    },
    /// How a published record was made: the parser's repair notes, the source file's name,
    /// import times, how to add a missing text. The record itself is `Public`; this is the
    /// secretariat's and the administrators' working detail.
    Provenance,
    /// The secretariat's classification of published records: linking a UPR recommendation to
    /// an SDG goal or target, or removing a link. The links themselves are `Public` to read.
    Classification,
    /// A request for assistance: a draft is its State's alone; once submitted, the register
    /// shows it to everyone (what the State chose to publish), and the fund's people see it
    /// whole.
    FundRequest {
        owner: Owner,
        submitted: bool,
    },
    /// The routes that draft requests and take workflow steps: the handler then checks the
    /// request and the step's role.
    FundWork,
    /// A fund's ledger and donors: written by the secretariat.
    FundLedger,
    /// The Council's calendar and what its mandates produced: everyone reads them; the
    /// secretariat and administrators amend sessions, record outputs and discontinue mandates.
    CouncilRecords,
    /// The routes that write the best-practice compendium, before the practice is known:
    /// stakeholders, focal points, the secretariat and administrators (the handler then asks
    /// about the practice and the step's role).
    PracticeWork,
    /// Taking part in the cooperation the Council asked for: registering for a regional
    /// seminar, giving an input, answering a call for inputs. Any signed-in account (the
    /// handler then checks the seminar's dates and the registration).
    Participation,
    /// A practice of the compendium: published, everyone's to read; before that its
    /// submitter's and the secretariat's alone (nobody else learns it exists).
    Practice {
        submitter: Option<i64>,
        published: bool,
    },
}

/// The answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Decision {
    Allow,
    /// Signing in might allow it (anonymous request).
    SignInRequired,
    /// 403: the user may know the thing exists but may not do this.
    Forbidden,
    /// 404: the user may not even know the record exists.
    NotFound,
}

impl Decision {
    pub fn is_allowed(self) -> bool {
        self == Decision::Allow
    }
}

/// The one question every route asks.
pub fn decide(subject: Subject<'_>, action: Action, resource: &Resource) -> Decision {
    use Decision::*;
    let signed_in = subject.user_id().is_some();
    let refuse = if signed_in { Forbidden } else { SignInRequired };
    match resource {
        Resource::Public => match action {
            Action::Read => Allow,
            _ => refuse,
        },
        Resource::Credentials => Allow,
        Resource::OwnAccount => {
            if signed_in {
                Allow
            } else {
                SignInRequired
            }
        }
        Resource::ApiToken { owner_user_id } => {
            if !signed_in {
                SignInRequired
            } else if subject.user_id() == Some(*owner_user_id) {
                Allow
            } else {
                // Another user's token: not even its existence is confirmed.
                NotFound
            }
        }
        Resource::Users | Resource::Organisations | Resource::AuditLog => {
            if subject.is_admin() {
                Allow
            } else {
                refuse
            }
        }
        Resource::Invitations => {
            if subject.is_admin() || subject.is_secretariat() {
                Allow
            } else {
                refuse
            }
        }
        Resource::Invitation { role } => {
            // The secretariat brings in States, stakeholders and donors; only an administrator
            // hands out the secretariat's and the administrator's own powers.
            let may = subject.is_admin()
                || (subject.is_secretariat()
                    && !matches!(
                        role,
                        RoleKind::Administrator | RoleKind::Secretariat | RoleKind::FundApprover
                    ));
            if may { Allow } else { refuse }
        }
        Resource::History {
            published,
            account_of,
        } => {
            if action != Action::Read {
                refuse
            } else if *published
                || subject.is_admin()
                || (account_of.is_some() && subject.user_id() == *account_of)
            {
                Allow
            } else {
                refuse
            }
        }
        Resource::Submission { owner, submitted } => {
            if subject.speaks_for(owner) {
                // Once submitted, the owner reads it but no longer changes it.
                if *submitted && matches!(action, Action::Update | Action::Delete) {
                    Forbidden
                } else {
                    Allow
                }
            } else if *submitted && (subject.is_secretariat() || subject.is_admin()) {
                match action {
                    Action::Read | Action::Update => Allow,
                    _ => Forbidden,
                }
            } else {
                // Neither another user nor the public learns that a draft exists.
                NotFound
            }
        }
        Resource::Provenance => {
            if action == Action::Read && (subject.is_secretariat() || subject.is_admin()) {
                Allow
            } else {
                refuse
            }
        }
        Resource::Plan { owner, published } => {
            if subject.speaks_for(owner) {
                Allow
            } else if subject.is_secretariat() || subject.is_admin() {
                match action {
                    Action::Read | Action::Create | Action::Update => Allow,
                    Action::Delete => Forbidden,
                }
            } else if *published {
                if action == Action::Read {
                    Allow
                } else {
                    refuse
                }
            } else {
                // Neither another State's focal point nor the public learns that a plan exists
                // before its State publishes it.
                NotFound
            }
        }
        Resource::PlanPublication { owner } => {
            if subject.speaks_for(owner) {
                Allow
            } else if subject.is_secretariat() || subject.is_admin() {
                Forbidden
            } else {
                NotFound
            }
        }
        Resource::PlanPublishing => {
            if subject.has(RoleKind::FocalPoint) {
                Allow
            } else {
                refuse
            }
        }
        Resource::PlanWork => {
            if subject.has(RoleKind::FocalPoint) || subject.is_secretariat() || subject.is_admin() {
                Allow
            } else {
                refuse
            }
        }
        Resource::CouncilRecords if action == Action::Read => Allow,
        Resource::Participation => {
            if signed_in {
                Allow
            } else {
                SignInRequired
            }
        }
        Resource::PracticeWork => {
            if subject.has(RoleKind::Stakeholder)
                || subject.has(RoleKind::FocalPoint)
                || subject.is_secretariat()
                || subject.is_admin()
            {
                Allow
            } else {
                refuse
            }
        }
        Resource::Practice {
            submitter,
            published,
        } => {
            let own = submitter.is_some() && *submitter == subject.user_id();
            let moderates = subject.is_secretariat() || subject.is_admin();
            match action {
                Action::Read if *published || own || moderates => Allow,
                Action::Read => NotFound,
                _ if own || moderates => Allow,
                _ if *published => refuse,
                _ => NotFound,
            }
        }
        Resource::Classification | Resource::CouncilRecords => {
            if subject.is_secretariat() || subject.is_admin() {
                Allow
            } else {
                refuse
            }
        }
        Resource::FundRequest { owner, submitted } => {
            if subject.speaks_for(owner) {
                Allow
            } else if !*submitted {
                // A draft is its State's alone: nobody else learns that it exists.
                NotFound
            } else if action == Action::Read || subject.works_for_funds() {
                Allow
            } else {
                refuse
            }
        }
        Resource::FundWork => {
            if subject.has(RoleKind::FocalPoint) || subject.works_for_funds() {
                Allow
            } else {
                refuse
            }
        }
        Resource::FundLedger => {
            if action == Action::Read || subject.is_secretariat() {
                Allow
            } else {
                refuse
            }
        }
        Resource::Pledge { donor } => {
            if subject.funds_as(donor) || (subject.is_secretariat() && action == Action::Read) {
                Allow
            } else {
                NotFound
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provenance_is_for_the_secretariat_and_administrators() {
        assert_eq!(
            decide(Subject::Anonymous, Action::Read, &Resource::Provenance),
            Decision::SignInRequired
        );
        for (kind, binding, allowed) in [
            (RoleKind::Secretariat, Binding::Unbound, true),
            (RoleKind::Administrator, Binding::Unbound, true),
            (RoleKind::Donor, Binding::State("NOR".into()), false),
            (RoleKind::FocalPoint, Binding::State("EGY".into()), false),
        ] {
            let roles = vec![grant(kind, binding)];
            let subject = Subject::User {
                id: 1,
                roles: &roles,
            };
            assert_eq!(
                decide(subject, Action::Read, &Resource::Provenance).is_allowed(),
                allowed,
                "{kind:?}"
            );
            assert!(!decide(subject, Action::Update, &Resource::Provenance).is_allowed());
        }
    }

    #[test]
    fn only_the_secretariat_and_administrators_classify_records() {
        assert_eq!(
            decide(
                Subject::Anonymous,
                Action::Create,
                &Resource::Classification
            ),
            Decision::SignInRequired
        );
        for (kind, binding, allowed) in [
            (RoleKind::Secretariat, Binding::Unbound, true),
            (RoleKind::Administrator, Binding::Unbound, true),
            (RoleKind::FocalPoint, Binding::State("SVN".into()), false),
            (RoleKind::Donor, Binding::State("NOR".into()), false),
        ] {
            let roles = vec![grant(kind, binding)];
            let subject = Subject::User {
                id: 1,
                roles: &roles,
            };
            for action in [Action::Create, Action::Delete] {
                assert_eq!(
                    decide(subject, action, &Resource::Classification).is_allowed(),
                    allowed,
                    "{kind:?} {action:?}"
                );
            }
        }
    }

    fn grant(kind: RoleKind, binding: Binding) -> RoleGrant {
        RoleGrant::new(kind, binding).unwrap()
    }

    fn focal(iso3: &str) -> Vec<RoleGrant> {
        vec![grant(RoleKind::FocalPoint, Binding::State(iso3.into()))]
    }

    #[test]
    fn the_public_reads_published_records_and_nothing_else() {
        let s = Subject::Anonymous;
        assert_eq!(decide(s, Action::Read, &Resource::Public), Decision::Allow);
        assert_eq!(
            decide(s, Action::Create, &Resource::Public),
            Decision::SignInRequired
        );
        assert_eq!(
            decide(s, Action::Read, &Resource::Users),
            Decision::SignInRequired
        );
        assert_eq!(
            decide(s, Action::Read, &Resource::OwnAccount),
            Decision::SignInRequired
        );
    }

    #[test]
    fn a_focal_point_never_sees_another_states_draft() {
        let roles = focal("QAT");
        let s = Subject::User {
            id: 1,
            roles: &roles,
        };
        let own = Resource::Submission {
            owner: Owner::State("QAT".into()),
            submitted: false,
        };
        let other = Resource::Submission {
            owner: Owner::State("FRA".into()),
            submitted: false,
        };
        let other_submitted = Resource::Submission {
            owner: Owner::State("FRA".into()),
            submitted: true,
        };
        for action in [Action::Read, Action::Update, Action::Delete] {
            assert_eq!(decide(s, action, &own), Decision::Allow);
            assert_eq!(decide(s, action, &other), Decision::NotFound);
            assert_eq!(decide(s, action, &other_submitted), Decision::NotFound);
        }
        assert_eq!(
            decide(
                s,
                Action::Update,
                &Resource::Submission {
                    owner: Owner::State("QAT".into()),
                    submitted: true
                }
            ),
            Decision::Forbidden
        );
    }

    #[test]
    fn the_secretariat_sees_submissions_not_drafts() {
        let roles = vec![grant(RoleKind::Secretariat, Binding::Unbound)];
        let s = Subject::User {
            id: 2,
            roles: &roles,
        };
        let draft = Resource::Submission {
            owner: Owner::State("QAT".into()),
            submitted: false,
        };
        let submitted = Resource::Submission {
            owner: Owner::State("QAT".into()),
            submitted: true,
        };
        assert_eq!(decide(s, Action::Read, &draft), Decision::NotFound);
        assert_eq!(decide(s, Action::Read, &submitted), Decision::Allow);
        assert_eq!(decide(s, Action::Delete, &submitted), Decision::Forbidden);
    }

    #[test]
    fn a_stakeholder_speaks_for_its_own_organisation_only() {
        let roles = vec![grant(RoleKind::Stakeholder, Binding::Organisation(7))];
        let s = Subject::User {
            id: 3,
            roles: &roles,
        };
        let own = Resource::Submission {
            owner: Owner::Organisation(7),
            submitted: false,
        };
        let other = Resource::Submission {
            owner: Owner::Organisation(8),
            submitted: false,
        };
        assert_eq!(decide(s, Action::Update, &own), Decision::Allow);
        assert_eq!(decide(s, Action::Read, &other), Decision::NotFound);
        assert_eq!(
            decide(s, Action::Update, &Resource::Organisations),
            Decision::Forbidden
        );
    }

    #[test]
    fn a_donor_sees_its_own_pledges_and_cannot_touch_the_ledger() {
        let roles = vec![grant(RoleKind::Donor, Binding::State("NOR".into()))];
        let s = Subject::User {
            id: 4,
            roles: &roles,
        };
        assert_eq!(
            decide(
                s,
                Action::Read,
                &Resource::Pledge {
                    donor: Owner::State("NOR".into())
                }
            ),
            Decision::Allow
        );
        assert_eq!(
            decide(
                s,
                Action::Read,
                &Resource::Pledge {
                    donor: Owner::State("SWE".into())
                }
            ),
            Decision::NotFound
        );
        assert_eq!(
            decide(s, Action::Update, &Resource::Public),
            Decision::Forbidden
        );
        assert_eq!(
            decide(s, Action::Read, &Resource::AuditLog),
            Decision::Forbidden
        );
    }

    #[test]
    fn only_an_administrator_hands_out_administrative_roles() {
        let secretariat = vec![grant(RoleKind::Secretariat, Binding::Unbound)];
        let admin = vec![grant(RoleKind::Administrator, Binding::Unbound)];
        let s = Subject::User {
            id: 5,
            roles: &secretariat,
        };
        let a = Subject::User {
            id: 6,
            roles: &admin,
        };
        assert_eq!(
            decide(
                s,
                Action::Create,
                &Resource::Invitation {
                    role: RoleKind::FocalPoint
                }
            ),
            Decision::Allow
        );
        assert_eq!(
            decide(
                s,
                Action::Create,
                &Resource::Invitation {
                    role: RoleKind::Administrator
                }
            ),
            Decision::Forbidden
        );
        assert_eq!(
            decide(
                s,
                Action::Create,
                &Resource::Invitation {
                    role: RoleKind::Secretariat
                }
            ),
            Decision::Forbidden
        );
        assert_eq!(
            decide(
                a,
                Action::Create,
                &Resource::Invitation {
                    role: RoleKind::Administrator
                }
            ),
            Decision::Allow
        );
        assert_eq!(
            decide(s, Action::Read, &Resource::Users),
            Decision::Forbidden
        );
    }

    #[test]
    fn api_tokens_are_their_owners_alone() {
        let admin = vec![grant(RoleKind::Administrator, Binding::Unbound)];
        let a = Subject::User {
            id: 6,
            roles: &admin,
        };
        assert_eq!(
            decide(a, Action::Delete, &Resource::ApiToken { owner_user_id: 6 }),
            Decision::Allow
        );
        // Not even an administrator uses someone else's token.
        assert_eq!(
            decide(a, Action::Delete, &Resource::ApiToken { owner_user_id: 9 }),
            Decision::NotFound
        );
    }

    #[test]
    fn history_of_published_records_is_public_the_rest_is_the_administrators() {
        let published = Resource::History {
            published: true,
            account_of: None,
        };
        let account = Resource::History {
            published: false,
            account_of: Some(7),
        };
        assert_eq!(
            decide(Subject::Anonymous, Action::Read, &published),
            Decision::Allow
        );
        assert_eq!(
            decide(Subject::Anonymous, Action::Read, &account),
            Decision::SignInRequired
        );
        let admin = vec![grant(RoleKind::Administrator, Binding::Unbound)];
        let a = Subject::User {
            id: 6,
            roles: &admin,
        };
        assert_eq!(decide(a, Action::Read, &account), Decision::Allow);
        let holder = Subject::User { id: 7, roles: &[] };
        let other = Subject::User { id: 8, roles: &[] };
        assert_eq!(decide(holder, Action::Read, &account), Decision::Allow);
        assert_eq!(decide(other, Action::Read, &account), Decision::Forbidden);
    }

    fn plan(state: &str, published: bool) -> Resource {
        Resource::Plan {
            owner: Owner::State(state.into()),
            published,
        }
    }

    #[test]
    fn a_focal_point_of_another_state_never_sees_an_unpublished_plan() {
        let roles = focal("FRA");
        let s = Subject::User {
            id: 1,
            roles: &roles,
        };
        for action in [Action::Read, Action::Create, Action::Update, Action::Delete] {
            assert_eq!(decide(s, action, &plan("QAT", false)), Decision::NotFound);
        }
        assert_eq!(decide(s, Action::Read, &plan("QAT", true)), Decision::Allow);
        assert_eq!(
            decide(s, Action::Update, &plan("QAT", true)),
            Decision::Forbidden
        );
        assert_eq!(
            decide(
                s,
                Action::Update,
                &Resource::PlanPublication {
                    owner: Owner::State("QAT".into())
                }
            ),
            Decision::NotFound
        );
    }

    #[test]
    fn the_states_focal_point_edits_and_publishes_its_plan() {
        let roles = focal("QAT");
        let s = Subject::User {
            id: 1,
            roles: &roles,
        };
        for action in [Action::Read, Action::Create, Action::Update, Action::Delete] {
            assert_eq!(decide(s, action, &plan("QAT", false)), Decision::Allow);
        }
        let publication = Resource::PlanPublication {
            owner: Owner::State("QAT".into()),
        };
        assert_eq!(decide(s, Action::Update, &publication), Decision::Allow);
        assert_eq!(
            decide(s, Action::Update, &Resource::PlanWork),
            Decision::Allow
        );
    }

    #[test]
    fn the_public_reads_published_plans_only_and_never_writes() {
        let s = Subject::Anonymous;
        assert_eq!(decide(s, Action::Read, &plan("QAT", true)), Decision::Allow);
        assert_eq!(
            decide(s, Action::Read, &plan("QAT", false)),
            Decision::NotFound
        );
        assert_eq!(
            decide(s, Action::Update, &plan("QAT", true)),
            Decision::SignInRequired
        );
        assert_eq!(
            decide(s, Action::Create, &Resource::PlanWork),
            Decision::SignInRequired
        );
        let donor = vec![grant(RoleKind::Donor, Binding::State("NOR".into()))];
        let d = Subject::User {
            id: 4,
            roles: &donor,
        };
        assert_eq!(
            decide(d, Action::Create, &Resource::PlanWork),
            Decision::Forbidden
        );
    }

    #[test]
    fn the_secretariat_reads_and_edits_plans_but_does_not_publish_them() {
        let roles = vec![grant(RoleKind::Secretariat, Binding::Unbound)];
        let s = Subject::User {
            id: 2,
            roles: &roles,
        };
        for action in [Action::Read, Action::Create, Action::Update] {
            assert_eq!(decide(s, action, &plan("QAT", false)), Decision::Allow);
        }
        assert_eq!(
            decide(s, Action::Delete, &plan("QAT", false)),
            Decision::Forbidden
        );
        assert_eq!(
            decide(
                s,
                Action::Update,
                &Resource::PlanPublication {
                    owner: Owner::State("QAT".into())
                }
            ),
            Decision::Forbidden
        );
        assert_eq!(
            decide(s, Action::Update, &Resource::PlanPublishing),
            Decision::Forbidden
        );
    }
}
