# Accounts, administration, audit trail and history.
nav-account-label = Account
nav-sign-in = Sign in
nav-sign-out = Sign out
nav-admin = Administration
nav-invitations = Invitations
nav-organisations = Organisations

error-not-found = There is no such record, or it is not yours to see.
error-forbidden-title = Not allowed
error-forbidden = Your roles do not allow this. If you think they should, ask an administrator.
error-gone-title = This link can no longer be used
error-too-many-title = Too many attempts
error-csrf = This form has expired or did not come from this site. Go back, reload the page and send it again.
error-form = The form could not be read: it was sent incomplete or changed on the way. Go back, reload the page and send it again.

yes = Yes
no = No
button-save = Save
filter-any = Any

field-email = E-mail address
field-password = Password
field-new-password = New password
field-confirm-password = New password again
field-current-password = Current password
field-display-name = Name
field-name = Name
field-role = Role
field-roles = Roles
field-status = Status
field-created = Created
field-expires = Expires
field-state-iso3 = State (for focal points and donors)
field-organisation-id = Organisation (for stakeholders and donors)

role-focal-point = State focal point
role-stakeholder = Stakeholder
role-donor = Donor
role-secretariat = Secretariat
role-administrator = Administrator
role-fund-reviewer = Assistance fund reviewer
role-fund-approver = Assistance fund approver
role-command-line = Command line
role-system = System
role-public = Public
role-account-holder = Account holder

sign-in-title = Sign in
sign-in-button = Sign in
sign-in-forgot = Forgot your password?
sign-in-invitation-only = Accounts are opened by invitation from the secretariat or an administrator.
sign-in-bad-credentials = The e-mail address or the password is wrong.
sign-in-locked = This account is locked after too many failed sign-ins. Try again in { $minutes } minutes, or reset your password to unlock it now.
sign-in-throttled = Too many failed sign-ins from your network. Try again in { $minutes } minutes.
sign-in-disabled = This account has been disabled. Ask an administrator.

password-hint = At least 12 characters; not a common password, and not your name or e-mail address. A sentence of several words is easy to remember and hard to guess.
password-mismatch = The two new passwords differ.
password-too-short = The password is too short: use at least { $min } characters.
password-too-long = The password is too long: use at most { $max } characters.
password-common = This password is on the lists of the most common passwords, which are tried first. Choose another.
password-personal = The password contains your name or e-mail address. Choose another.

account-title = Your account
account-profile = Profile
account-name-public = Show my name in the public history of records I change
account-name-public-hint = Otherwise the public history shows only your role (such as “Secretariat”).
account-name-invalid = Give a name of 1 to 200 characters.
account-profile-saved = Your profile is saved.
account-no-roles = No roles yet.
account-history-link = History of this account
account-password = Password
account-password-hint = Changing the password signs you out everywhere else.
account-password-button = Change password
account-password-changed = Your password is changed; your other sessions are signed out.
account-current-password-wrong = The current password is wrong.
account-tokens = API tokens
account-tokens-intro = Scripts use a token instead of a password: send it as “Authorization: Bearer …”. A token can do what your roles allow, no more.
account-tokens-none = You have no API tokens.
account-token-name = What the token is for
account-token-create = Create a token
account-token-created = Your new token
account-token-copy-now = Copy it now: it is shown this once. Only a fingerprint of it is kept.
account-token-name-invalid = Give the token a name of 1 to 100 characters.
account-token-prefix = Begins with
account-token-created-at = Created
account-token-last-used = Last used
account-token-never-used = never
account-token-revoke = Revoke
account-token-revoked = The token is revoked.
account-token-revoked-at = Revoked
account-token-unknown = You have no such API token.

forgot-title = Reset your password
forgot-intro = Give the e-mail address of your account; we send a link to choose a new password. The link works once, for an hour.
forgot-button = Send the link
forgot-sent = If an account has this address, a link is on its way. Check your e-mail.
reset-title = Choose a new password
reset-button = Save the new password
link-expired = This link has expired. Ask for a new one.
link-used = This link has already been used. Each link works once.
link-unknown = This link is not valid. Check that it was copied whole.

invitation-title = Accept your invitation
invitation-intro = You are invited to Taawun. Choose your name and a password to open your account.
invitation-button = Open my account
invitation-email-invalid = The e-mail address is not valid: { $reason }
invitation-sent = The invitation is on its way to { $email }.
invitation-revoked = The invitation is revoked; its link no longer works.
invitation-unknown = There is no such invitation.
invitation-status-pending = Waiting
invitation-status-accepted = Accepted
invitation-status-revoked = Revoked
invitation-status-expired = Expired

mail-invitation-subject = Your invitation to Taawun
mail-invitation-body = { $inviter } invites you to Taawun, the platform for international cooperation in the field of human rights, as: { $role }.

    Open this link to choose your password (it works once, for { $days } days):
    { $link }

    If you did not expect this invitation, ignore this message.
mail-reset-subject = Resetting your Taawun password
mail-reset-body = Hello { $name },

    Open this link to choose a new password (it works once, for { $minutes } minutes):
    { $link }

    If you did not ask for this, ignore this message: your password stays as it is.

admin-users-title = Accounts
admin-users-search = Name or e-mail
admin-users-count = { $count ->
    [one] One account
   *[other] { $count } accounts
}
admin-users-none = No account matches.
admin-user-unknown = There is no such account.
admin-invite-link = Invite someone
admin-role-grant = Give the role
admin-role-revoke = Take away
admin-role-hint = A focal point needs a State; a stakeholder an organisation; a donor a State or an organisation; the secretariat and administrators neither.
admin-role-granted = The role is given.
admin-role-revoked = The role is taken away.
admin-cannot-demote-self = You cannot take away your own administrator role; ask another administrator.
admin-cannot-disable-self = You cannot disable your own account.
admin-user-disable = Disable the account
admin-user-enable = Enable the account
admin-user-disabled = The account is disabled and signed out everywhere.
admin-user-enabled = The account is enabled.
user-status-active = Active
user-status-disabled = Disabled
user-status-locked = Locked for now (failed sign-ins)
admin-invitations-title = Invitations
admin-invitations-intro = The person receives a link by e-mail; it works once, within seven days. The secretariat invites focal points, stakeholders and donors; only administrators invite to the secretariat and administration.
admin-invite-button = Send the invitation
admin-invitations-list = Invitations sent
admin-invitations-count = { $count ->
    [one] One invitation
   *[other] { $count } invitations
}
admin-invitations-none = No invitations yet.
admin-invitation-revoke = Revoke

admin-audit-title = Audit trail
admin-audit-intro = Every change to every record, with who made it, when, from which request, and the record before and after. Entries cannot be changed or removed, and each carries the fingerprint of the one before it: verifying the chain proves nothing was altered.
admin-audit-total = { $count ->
    [one] One entry in the trail.
   *[other] { $count } entries in the trail.
}
audit-verify-button = Verify the chain now
audit-verification = Verification
audit-intact = { $count ->
    [one] The chain is intact: one entry checked.
   *[other] The chain is intact: { $count } entries checked.
}
audit-broken = The chain is broken at entry
audit-head = Fingerprint of the last entry:
audit-record-type = Record type
audit-record-id = Record
audit-actor = Account number
audit-count = { $count ->
    [0] No changes recorded.
    [one] One change.
   *[other] { $count } changes.
}
audit-none = Nothing to show.
audit-when = When
audit-who = Who
audit-what = What
audit-record = Record
audit-before = Before
audit-after = After
audit-action-create = Created
audit-action-update = Changed
audit-action-new-version = New version
audit-action-import = Imported
audit-action-sync = Reference data updated
audit-action-change-password = Password changed
audit-action-reset-password = Password reset
audit-action-grant-role = Role given
audit-action-revoke-role = Role taken away
audit-action-disable = Disabled
audit-action-enable = Enabled
audit-action-revoke = Revoked
audit-action-accept = Accepted
record-type-resolution = Resolution
record-type-voting-records = Voting records
record-type-reference-data = Reference data
record-type-organisation = Organisation
record-type-user = Account
record-type-invitation = Invitation
record-type-api-token = API token

history-title = History: { $type } { $id }
history-intro = Every change to this record, newest first, from the audit trail. Changes show the role they were made in, and the person's name when they chose to be named.
history-record-link = The record
history-unknown-type = There is no record type “{ $type }”.
history-unknown-record = There is no { $type } record “{ $id }”: the audit trail holds no change of it.
