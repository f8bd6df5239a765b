"""A broken policy file, in words: `PolicyError`'s file and problems (codes) said as one line
that names the file and each field: "Policy file p.toml: field fee.amount: must be zero or more".

For whoever looks after the policy file (``certalign --policy FILE``) and for the dialog the
window shows when its rules file cannot be read. Each sentence is a message of the catalogue.
"""

from __future__ import annotations

from certalign_gui.presentation.catalogue import N_, _
from certalign_gui.rules.policy import FILE_PROBLEM_CODES, PolicyError, PolicyProblem

_PROBLEMS = {
    "file_missing": N_("the file does not exist"),
    "is_a_folder": N_("this is a folder, not a policy file"),
    "unreadable": N_("cannot be read ({reason})"),
    "empty": N_("the file is empty"),
    "not_utf8": N_("is not UTF-8 text"),
    "not_valid": N_("is not valid {kind} ({detail})"),
    "not_a_table": N_("the top level must be a table of keys"),
    "missing": N_("missing"),
    "extra_forbidden": N_("unknown key (check the spelling)"),
    "amount_not_text": N_('write the amount as text with two decimals, e.g. "62.50"'),
    "amount_negative": N_("must be zero or more"),
    "amount_not_two_decimals": N_('must have exactly two decimals, e.g. "62.50"'),
    "url_not_allowed": N_("{url!r} is not an https address on {hosts}"),
    "not_a_day_of_year": N_("{month}/{day} is not a day of the year"),
    "keys_missing": N_("{table}: missing {keys}"),
    "earliest_after_published": N_("earliest_cycle: must not be after published_cycle"),
}
#: One problem of a field.
FIELD = N_("field {field}: {problem}")
#: The field of a problem about the whole table.
TOP_LEVEL = N_("(top level)")
#: The policy file shipped with certalign, when it is the one that is missing.
BUILT_IN = N_("(built in) {name}")
#: The whole error, naming the file.
POLICY_FILE = N_("Policy file {path}: {problem}")
#: Between the last two of a list of choices.
OR = N_(" or ")


def _problem_words(problem: PolicyProblem) -> str:
    arguments = dict(problem.arguments)
    if problem.code == "resource_missing":
        return str(arguments["detail"])
    if problem.code == "url_not_allowed":
        arguments["hosts"] = _(OR).join(arguments["hosts"])  # type: ignore[arg-type]
    elif problem.code == "keys_missing":
        arguments["keys"] = ", ".join(arguments["keys"])  # type: ignore[arg-type]
    if problem.code in _PROBLEMS:
        return _(_PROBLEMS[problem.code]).format_map(arguments)
    return str(arguments.get("message", problem.code)).removeprefix("Value error, ")


def policy_problem(error: PolicyError) -> str:
    """What is wrong with the file, each field named: "field fee.amount: missing; …"."""
    parts = []
    for problem in error.problems:
        words = _problem_words(problem)
        if problem.code in FILE_PROBLEM_CODES:
            parts.append(words)
        else:
            parts.append(_(FIELD).format(field=problem.field or _(TOP_LEVEL), problem=words))
    return "; ".join(parts)


def policy_path(error: PolicyError) -> str:
    """The file, as the message names it."""
    return _(BUILT_IN).format(name=error.path) if error.built_in else error.path


def policy_error_text(error: PolicyError) -> str:
    """The whole error as one line, naming the file and the problem."""
    return _(POLICY_FILE).format(path=policy_path(error), problem=policy_problem(error))
