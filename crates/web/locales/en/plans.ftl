# A State's implementation plan for its UPR recommendations.
plan-title = Implementation plan of { $state }
plan-crumbs-label = Where you are
plan-not-found = There is no implementation plan here, or it is not published.
plan-none-yet = This State has no implementation plan yet.
plan-create-hint = The plan is made for the current review cycle from the recommendations the State received, clustered by theme. Clusters can be changed afterwards.
plan-create-button = Create the plan
plan-cycle = Review cycle { $count }
plan-published = Published
plan-unpublished = Not published: only the State's focal points and the secretariat see it
plan-publish-button = Publish the plan
plan-unpublish-button = Withdraw from publication
plan-progress-heading = Progress
plan-progress = { $implemented } of { $total } actions implemented ({ $percent } % of those that apply)
plan-edit-clusters = Edit clusters
plan-cluster-kind-theme = theme
plan-cluster-kind-own = the State's own cluster
plan-cluster-unthemed = Recommendations without a theme
plan-cluster-none = (no cluster)
plan-cluster-recommendations = { $count ->
    [one] One recommendation
   *[other] { $count } recommendations
}
plan-cluster-no-actions = No action yet.
plan-add-action = Add an action to this cluster
plan-json-link = This plan as JSON
plan-back = Back to the plan
plan-clusters-title = Clusters of the plan of { $state }
plan-cluster-add-heading = Add a cluster of your own
plan-cluster-add-button = Add the cluster
plan-cluster-exists = The plan already has a cluster of this name.
plan-membership-heading = Recommendations and their clusters
plan-no-recommendations = No recommendation of this State is stored for this cycle.
plan-status-not-started = Not started
plan-status-in-progress = In progress
plan-status-partially-implemented = Partially implemented
plan-status-implemented = Implemented
plan-status-not-applicable = Not applicable
plan-field-title = Action
plan-field-name = Name
plan-field-cluster = Cluster
plan-field-lead-institution = Lead institution
plan-field-partners = Partners
plan-field-start-date = Start date
plan-field-due-date = Due date
plan-field-budget-amount = Budget
plan-field-budget-currency = Currency (ISO code, e.g. USD)
plan-field-owner = Owner
plan-field-status = Status
plan-field-note = Note
plan-field-link = Link (http or https)
plan-field-file = Evidence file
plan-field-indicator-name = Indicator { $n }
plan-field-indicator-baseline = Baseline of indicator { $n }
plan-field-indicator-target = Target of indicator { $n }
plan-owner-none = (nobody)
plan-owner-hint = The owner is reminded by e-mail of the action when it is due within 30 days or overdue.
plan-action-new = New action
plan-action-edit = Change this action
plan-indicators-heading = Indicators
plan-indicator-name = Indicator
plan-indicator-baseline = Baseline
plan-indicator-target = Target
plan-linked-heading = Recommendations this action implements
plan-form-problems = Please correct the following:
plan-conflict = Someone else changed this action on { $date } (now version { $version }). Here is their version; your changes are kept in the form below. Saving again replaces their version with yours.
plan-conflict-theirs = Their version
plan-conflict-kept = Your changes, not saved yet:
plan-status-change-heading = Change the status
plan-status-new = New status
plan-status-change-button = Record the change
plan-file-hint = { $count ->
    [one] PDF, PNG, JPEG, DOCX, XLSX, ODT or plain text, up to one MiB.
   *[other] PDF, PNG, JPEG, DOCX, XLSX, ODT or plain text, up to { $count } MiB.
}
plan-history-heading = Status changes
plan-evidence-size = { $kib } KiB
plan-dashboard-heading = Your plan actions due within 30 days or overdue
plan-overdue-days = { $days ->
    [one] overdue by one day
   *[other] overdue by { $days } days
}
plan-due-in-days = { $days ->
    [0] due today
    [one] due tomorrow
   *[other] due in { $days } days
}
plan-problem-required = { $field }: this field is required.
plan-problem-too-long = { $field }: this is too long.
plan-problem-date = { $field }: write a date as YYYY-MM-DD.
plan-problem-due-before-start = { $field }: the due date is before the start date.
plan-problem-amount = { $field }: write an amount of zero or more, with at most two decimals.
plan-problem-currency = { $field }: write the currency's three-letter ISO code.
plan-problem-currency-without-amount = { $field }: a currency is given without an amount.
plan-problem-link = { $field }: give a whole address starting with http:// or https://.
plan-problem-too-many = { $field }: at most ten indicators.
plan-problem-invalid = { $field }: this is not one of the plan's.
plan-problem-file-empty = { $field }: the file is empty.
plan-problem-file-too-large = { $field }: the file is larger than 10 MiB.
plan-problem-file-type = { $field }: this type of file is not accepted (PDF, PNG, JPEG, DOCX, XLSX, ODT or plain text only).
plan-problem-file-name = { $field }: the file's name does not match its content (its extension says another type).
# The mid-term report generated from the plan.
report-link = Mid-term report (HTML and PDF, in Arabic or English)
report-versions = This report in:
report-unknown-language = There is no report in the language { $code }; reports are written in Arabic (ar) and English (en).
report-organ = Human Rights Council
report-upr = Universal Periodic Review
report-title = Mid-term report of { $state } on the implementation of the recommendations of the Universal Periodic Review
report-subtitle = Progress of the implementation plan for the recommendations received in review cycle { $cycle }
report-overview-heading = Overview
report-overview = The implementation plan of { $state } groups { $recommendations ->
        [one] { $recommendations } recommendation
       *[other] { $recommendations } recommendations
    } in { $clusters ->
        [one] { $clusters } cluster
       *[other] { $clusters } clusters
    }, with { $actions ->
        [one] { $actions } action
       *[other] { $actions } actions
    }.
report-status-caption = Actions by status
report-col-actions = Actions
report-col-recommendations = Recommendations
report-col-percent = % implemented
report-by-cluster-heading = Progress by cluster
report-by-cluster-caption = Actions by cluster and status
report-chart-title = Actions by cluster and status
report-chart-description = One bar per cluster, split by the status of its actions; the table below gives the figures.
report-no-actions = The plan has no action yet.
report-recommendations-caption = Recommendations and the State's responses
report-col-paragraph = Paragraph
report-col-recommendation = Recommendation
report-col-recommending = Recommended by
report-col-response = Response
report-actions-caption = Actions
report-colophon = Generated on { $date } from the implementation plan as the State's focal points recorded it. Recommendations and responses as the review's documents and UPR Info give them; recommendations are quoted in English, the language of their sources.
