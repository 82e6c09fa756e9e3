//! Every rule, one file each. A rule file holds its [`CodeMeta`] (code, name,
//! summary, clause, documentation with a failing and a passing example) and a
//! `check` function. The documentation pages under `docs/rules/` are generated
//! from these (`cargo test -p assure-check --test docs` checks they are current).

use crate::{Ctx, Sink};
use assure_core::CodeMeta;

/// Declares a rule's metadata.
macro_rules! rule {
    (code: $code:literal, name: $name:literal, severity: $sev:ident, clause: $clause:literal, gsn2x: $gsn2x:expr, summary: $summary:literal, doc: $doc:expr $(,)?) => {
        /// This rule's code, documentation and default severity.
        pub static META: assure_core::CodeMeta = assure_core::CodeMeta {
            code: $code,
            name: $name,
            summary: $summary,
            default_severity: assure_core::Severity::$sev,
            configurable: true,
            clause: $clause,
            gsn2x: $gsn2x,
            doc: $doc,
        };
    };
}

/// A rule: its metadata and its check.
pub struct Rule {
    /// Code, name, documentation.
    pub meta: &'static CodeMeta,
    /// Reports findings on a case.
    pub check: fn(&Ctx, &mut Sink),
}

macro_rules! rules {
    ($($m:ident),* $(,)?) => {
        $(pub mod $m;)*
        /// Every rule, in code order.
        pub static RULES: &[Rule] = &[$(Rule { meta: &$m::META, check: $m::check }),*];
    };
}

rules! {
    g001_duplicate_id,
    g002_unknown_type,
    g003_type_prefix_mismatch,
    g004_invalid_supported_by,
    g005_invalid_in_context_of,
    g006_unresolved_reference,
    g007_self_reference,
    g008_duplicate_reference,
    g009_circular_support,
    g010_undeveloped_with_support,
    g011_unsupported_element,
    g012_undeveloped_not_allowed,
    g013_no_top_goal,
    g014_multiple_top_elements,
    g015_top_not_goal,
    g016_unreachable,
    m001_duplicate_module_name,
    m002_extends_unknown_module,
    m003_develops_unknown_element,
    m004_develops_developed_element,
    m005_develops_wrong_type,
    m006_module_support_cycle,
    m007_module_reference,
    m008_public_context_not_public,
    a001_acp_not_connected,
    a002_acp_unresolved,
    a003_duplicate_acp,
    a004_acp_on_partial_inference,
    a005_acp_on_element_kind,
    d001_challenge_by_non_counter,
    d002_defeated_unchallenged,
    d003_invalid_defeated_relation,
    d004_challenged_relation_missing,
    d005_self_challenge,
    d006_partial_inference_challenge,
    p001_uninstantiated_placeholder,
    p002_choice_too_few,
    p003_link_decoration_not_supporter,
    p004_conflicting_link_decoration,
    p005_choice_label,
    t001_goal_to_goal,
    t002_undefined_terms,
    t003_solution_not_noun_phrase,
    t004_goal_not_proposition,
    t005_strategy_as_claim,
    t006_missing_text,
}
