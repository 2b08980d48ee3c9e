"""lexicon.py: does a source's wording say the claim's word?"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.lexicon import (
    Lexicon,
    WordingMatch,
    lexicon_from_mapping,
    normalise,
    shipped_lexicon,
    tokens,
)
from factcheck.matching import phrase
from tests.conftest import hang_guard

LEXICON = shipped_lexicon()


def says(text: str, predicate: str, lexicon: Lexicon = LEXICON) -> bool:
    found = lexicon.match(text, predicate)
    return found is not None and found.says


# --- normalisation ------------------------------------------------------------------------


def test_tokens_fold_case_quotes_and_dashes_and_mark_clauses() -> None:
    assert tokens("ICE “Can’t” locate—them; ever-after") == (
        "ice",
        "|",
        "can't",
        "|",
        "locate",
        "them",
        "|",
        "ever",
        "after",
    )


def test_normalise_drops_clause_marks() -> None:
    assert normalise("  Whereabouts — UNKNOWN. ") == "whereabouts unknown"
    assert normalise("gun-carrying") == "gun carrying"


# --- what matches -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "missing",
        "MISSING",
        "Missing!",
        "“missing”",
        '"missing"',
        "(missing)",
        "children who went missing",
        "went missing after release",
        "children were unaccounted for",
        "unaccounted—for",  # em dash
        "unaccounted–for",  # en dash
        "unaccounted-for",  # hyphen
        "whereabouts\u2010unknown",  # Unicode hyphen
        "whereabouts\u00a0unknown",  # no-break space
        "Whereabouts Unknown",
        "they can’t be located",  # curly apostrophe
        "they can't be located",
        "they cannot be located",
        "ICE was not able to account for the location of all UCs",
        "ICE lost track of them",
        "ＭＩＳＳＩＮＧ",  # full-width letters fold under NFKC
        "lost",
        "they lost contact with the sponsors",
    ],
)
def test_wordings_of_lost_match_whatever_the_typography(text: str) -> None:
    assert says(text, "lost")


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        ("killed", "dead"),
        ("deaths", "dead"),
        ("dead", "dead"),
        ("murdered", "killed"),
        ("victims of human trafficking", "trafficked"),
        ("sex-trafficked", "trafficked"),
        ("in the sex trade", "trafficked"),
        ("released into the United States", "released"),
        ("released into the United States", "let in"),
        ("new hires", "hired"),
        ("net new jobs", "created"),
        ("authorized to carry firearms", "armed"),
        ("gun carrying agents", "armed"),  # the lexicon writes gun-carrying
        ("expenditures", "spent"),
    ],
)
def test_predicates_match_their_groups(text: str, predicate: str) -> None:
    assert says(text, predicate)


def test_a_group_member_names_its_whole_group() -> None:
    # "missing" is a wording of "lost", so a claim that says "missing" accepts "lost" too.
    assert says("vanished", "missing")
    assert says("lost", "missing")
    assert "lost" in LEXICON.wordings("missing")
    assert LEXICON.wordings("lost")[0] == "lost"


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        ("lostness", "lost"),
        ("glossed", "lost"),
        ("the lost-and-found office", "dead"),
        ("dismissing the report", "lost"),
        ("missingness", "lost"),
        ("unkilled", "killed"),
        ("deadline", "dead"),
        ("trafficker", "trafficked"),
        ("failed to appear for their court hearings", "lost"),
        ("transferred to HHS", "lost"),
        ("not served a Notice to Appear", "lost"),
        ("", "lost"),
        ("---", "lost"),
    ],
)
def test_only_whole_words_match(text: str, predicate: str) -> None:
    assert LEXICON.match(text, predicate) is None


def test_a_multiword_wording_needs_all_its_words_in_order() -> None:
    assert LEXICON.match("whereabouts are known; unknown", "lost") is None
    assert LEXICON.match("unknown whereabouts", "lost") is None
    assert says("whereabouts are unknown", "lost")


# --- inflections (issue 10, B3) ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        ("28 had run away", "ran away"),
        ("children running away from sponsors", "ran away"),
        ("losing", "lost"),
        ("they lose track of them", "lost"),  # "lost track of", in another tense
        ("children who go missing", "lost"),  # "went missing"
        ("whereabouts is unknown", "lost"),  # "whereabouts are unknown"
        ("Killings", "killings"),
        ("kills", "killed"),
        ("a child was trafficking", "trafficked"),
        ("RELEASING", "released"),
    ],
)
def test_words_match_in_any_inflection(text: str, predicate: str) -> None:
    assert says(text, predicate)


def test_a_match_keeps_the_texts_own_words() -> None:
    found = LEXICON.match("Of the others, 28 had RUN away.", "ran away")
    assert found is not None and (found.wording, found.words) == ("ran away", "run away")
    found = LEXICON.match("they had not run away", "ran away")
    assert found is not None and (found.words, found.blocked_by) == ("run away", "not")


def test_a_claims_word_names_its_group_in_any_inflection() -> None:
    # "kills" names the group of "killed" (its own key), not every group listing "killed".
    assert LEXICON.wordings("kills")[:2] == ("kills", "killed")
    assert "died" not in LEXICON.wordings("kills")
    assert says("murdered", "kills")
    assert says("unaccounted for", "losing")


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        ("runaway children", "ran away"),  # one word is not two
        ("ran off", "ran away"),  # every word must be there
        ("away they ran", "ran away"),  # in order
        ("the lost-and-found office", "losing track"),
        ("a missile", "missing"),  # no lemma in common
    ],
)
def test_inflections_still_need_whole_words_in_order(text: str, predicate: str) -> None:
    assert LEXICON.match(text, predicate) is None


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("had not run away", "not"),
        ("may have run away", "may have been"),
        ("at risk of running away", "at risk of"),
    ],
)
def test_negations_and_hedges_block_an_inflected_wording(text: str, cue: str) -> None:
    found = LEXICON.match(text, "ran away")
    assert found is not None and found.wording == "ran away"
    assert found.blocked_by is not None and cue.startswith(found.blocked_by)


def test_a_synonym_matches_in_any_inflection() -> None:
    extended = LEXICON.extended({"lost": ["fall through the cracks"]})
    assert says("children who fell through the cracks", "lost", extended)


# --- negations and hedges -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "predicate", "cue"),
    [
        ("were not missing", "lost", "not"),
        ("children who are not missing", "lost", "not"),
        ("never went missing", "lost", "never"),
        ("no child went missing", "lost", "no"),
        ("none went missing", "lost", "none"),
        ("they weren’t missing", "lost", "weren't"),  # curly apostrophe
        ("they weren't missing", "lost", "weren't"),
        ("without being lost", "lost", "without"),
        ("at an increased risk of being trafficked", "trafficked", "risk of"),
        ("at risk of trafficking victims", "trafficked", "at risk of"),
        ("vulnerable to being trafficked", "trafficked", "vulnerable to"),
        ("may have been trafficked", "trafficked", "may have been"),
        ("could be trafficked", "trafficked", "could be"),
        ("whether they were trafficked", "trafficked", "whether"),
        ("allegedly killed", "killed", "allegedly"),
        ("potentially dead", "dead", "potentially"),
        ("feared dead", "dead", "feared"),
        ("in danger of being deported", "deported", "in danger of"),
    ],
)
def test_negations_and_hedges_block(text: str, predicate: str, cue: str) -> None:
    found = LEXICON.match(text, predicate)
    assert found is not None
    assert not found.says
    # The cue named is the negation or (the head of) the hedge that stands in the text.
    assert found.blocked_by is not None
    assert cue.startswith(found.blocked_by)


def test_the_seed_statement_does_not_say_trafficked() -> None:
    statement = (
        "HHS personnel are unable to determine if UCs need wellness checks or post-release "
        "services for individuals at an increased risk of being trafficked"
    )
    assert not says(statement, "trafficked")
    assert not says("at an increased risk of being trafficked", "trafficked")


@pytest.mark.parametrize(
    "text",
    [
        "did not appear and went missing",
        "did not appear, and went missing",
        "did not appear; missing",
        "not located. Missing",
        "not trafficked but missing",
        "no sponsor was found, so they went missing",
        "children who were not released who then went missing",
        "they are not safe (missing)",
    ],
)
def test_clause_boundaries_end_a_negation(text: str) -> None:
    assert says(text, "lost")


@pytest.mark.parametrize(
    "text",
    [
        "none of the 32,000 children went missing",
        "not 1.5 million missing",
        "no 32 000 children went missing",
    ],
)
def test_a_number_inside_a_clause_does_not_end_it(text: str) -> None:
    # The comma in 32,000 is a thousands separator, not a clause boundary.
    assert not says(text, "lost")


@pytest.mark.parametrize("invisible", ["\u00ad", "\u200b", "\u200d", "\u2060", "\ufeff"])
def test_soft_hyphens_and_zero_width_characters_are_ignored(invisible: str) -> None:
    assert says(f"went miss{invisible}ing", "lost")
    assert says(f"{invisible}missing", "lost")


def test_an_asserted_occurrence_wins_over_a_blocked_one() -> None:
    found = LEXICON.match("not missing, but later missing", "lost")
    assert found == WordingMatch("missing", None)
    found = LEXICON.match("never missing and still missing", "lost")
    assert found is not None and found.says


def test_a_blocked_match_names_the_wording_and_the_cue() -> None:
    assert LEXICON.match("were not missing", "lost") == WordingMatch("missing", "not")


def test_a_wording_that_itself_holds_a_negation_is_not_blocked_by_it() -> None:
    # "not able to account for the location" is itself a wording of lost.
    found = LEXICON.match("not able to account for the location", "lost")
    assert found == WordingMatch("not able to account for the location", None)
    assert says("ICE could not locate them", "lost")


# --- synonyms -----------------------------------------------------------------------------


def test_extended_adds_a_claims_synonyms_to_a_group() -> None:
    extended = LEXICON.extended({"lost": ["Vanished into thin air", "gone-astray"]})
    assert says("they had vanished into thin air", "lost", extended)
    assert says("Gone astray", "lost", extended)
    assert says("missing", "lost", extended)  # the shipped wordings stay
    assert not says("gone astray", "lost")  # the shipped lexicon is not changed


def test_extended_creates_a_new_group() -> None:
    extended = LEXICON.extended({"Smuggled": ["brought across illegally"]})
    assert says("were brought across illegally", "smuggled", extended)
    assert not says("were not brought across illegally", "smuggled", extended)
    assert LEXICON.match("brought across illegally", "smuggled") is None


def test_extended_keeps_change_words_negations_and_hedges() -> None:
    extended = LEXICON.extended({"lost": ["vanished"]})
    assert extended.rise_words == LEXICON.rise_words
    assert extended.fall_words == LEXICON.fall_words
    assert extended.negations == LEXICON.negations
    assert extended.hedges == LEXICON.hedges
    assert extended.wordings("lost").count("vanished") == 1  # no duplicates


def test_the_predicate_itself_always_matches() -> None:
    assert says("they were repatriated", "repatriated")
    assert not says("they were not repatriated", "repatriated")


# --- words of change ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("predicate", "direction"),
    [
        ("created", "rise"),
        ("added", "rise"),
        ("gained", "rise"),
        ("raised", "rise"),
        ("increased", "rise"),
        ("grew", "rise"),
        ("rose", "rise"),
        ("Created", "rise"),
        ("cut", "fall"),
        ("lost", "fall"),
        ("shed", "fall"),
        ("fell", "fall"),
        ("decreased", "fall"),
        ("reduced", "fall"),
        ("slashed", "fall"),
        ("reduction", "fall"),  # a wording of "cut"
        ("losing", "fall"),  # an inflection of "lost"
        ("cutting", "fall"),
        ("rising", "rise"),
        ("hikes", "rise"),  # a wording of "raised", in another inflection
        ("dead", None),
        ("trafficked", None),
        ("released", None),
        ("armed", None),
    ],
)
def test_change_direction(predicate: str, direction: str | None) -> None:
    assert LEXICON.change_direction(predicate) == direction


def test_change_direction_follows_a_claims_synonyms() -> None:
    extended = LEXICON.extended({"axed": ["cut"]})
    assert extended.change_direction("axed") == "fall"
    assert LEXICON.change_direction("axed") is None


# --- a lexicon built from data ------------------------------------------------------------


def test_lexicon_from_mapping_normalises_its_data() -> None:
    lexicon = lexicon_from_mapping(
        {
            "predicates": {"Lost": ["Gone-Missing", "gone missing"]},
            "change_words": {"rise": ["Rose"], "fall": ["Fell"]},
            "negations": ["NOT"],
            "hedges": ["Risk", "at risk of"],
        }
    )
    assert lexicon.groups == {"lost": ("gone missing",)}
    assert lexicon.rise_words == frozenset({"rose"})
    assert lexicon.negations == frozenset({"not"})
    # Longest hedge first, so the message names the whole phrase.
    assert [hedge[:2] for hedge in lexicon.hedges] == [("at", "risk"), ("risk",)]
    found = lexicon.match("at risk of being gone missing", "lost")
    assert found is not None
    assert found.wording == "gone missing"
    assert found.blocked_by is not None and "at risk of".startswith(found.blocked_by)


def test_shipped_lexicon_is_loaded_once() -> None:
    assert shipped_lexicon() is shipped_lexicon()


def test_the_shipped_lexicon_lists_each_form_once() -> None:
    """A wording whose every word's lemmas are among an earlier one's adds nothing: every
    text that meets it meets the earlier one ("lose" after "lost")."""

    def covered(wording: str, earlier: str) -> bool:
        a, b = phrase(wording.split()), phrase(earlier.split())
        return len(a) == len(b) and all(x <= y for x, y in zip(a, b, strict=True))

    for key, wordings in LEXICON.groups.items():
        for index, wording in enumerate(wordings):
            for earlier in (key, *wordings[:index]):
                assert not covered(wording, earlier), (key, wording, earlier)
    for words in (LEXICON.rise_words, LEXICON.fall_words):
        for one in words:
            assert not [w for w in words if w != one and covered(one, w)], one


@pytest.mark.parametrize(
    ("text", "predicate"),
    [(t, "lost") for t in ("lose", "loses", "losing", "whereabouts were unknown")]
    + [(t, "raised") for t in ("raise", "raising", "increase", "hikes")]
    + [("recruits", "hired"), ("death", "dead"), ("carries a firearm", "armed")],
)
def test_the_forms_no_longer_listed_still_match(text: str, predicate: str) -> None:
    assert says(text, predicate)


def test_every_shipped_wording_matches_itself() -> None:
    for predicate, wordings in LEXICON.groups.items():
        for wording in wordings:
            assert says(wording, predicate), (predicate, wording)


# --- properties ---------------------------------------------------------------------------

_WORDS = st.sampled_from(
    ["children", "were", "the", "ice", "released", "sponsors", "records", "court", "in"]
)


@settings(max_examples=200, deadline=None)
@given(
    before=st.lists(_WORDS, max_size=5),
    after=st.lists(_WORDS, max_size=5),
    wording=st.sampled_from(sorted(LEXICON.groups["lost"])),
    upper=st.booleans(),
)
def test_a_wording_among_neutral_words_is_said(
    before: list[str], after: list[str], wording: str, upper: bool
) -> None:
    text = " ".join([*before, wording, *after])
    assert says(text.upper() if upper else text, "lost")


@settings(max_examples=200, deadline=None)
@given(
    between=st.lists(_WORDS, max_size=3),
    negation=st.sampled_from(sorted(LEXICON.negations)),
    wording=st.sampled_from(["missing", "went missing", "unaccounted for", "vanished"]),
)
def test_a_negation_close_before_in_the_same_clause_blocks(
    between: list[str], negation: str, wording: str
) -> None:
    text = " ".join([negation, *between, wording])
    found = LEXICON.match(text, "lost")
    assert found is not None
    assert not found.says


# --- many predicates against many texts ---------------------------------------------------

_TEXTS = st.lists(
    st.sampled_from(
        [
            "not",
            "missing",
            "went",
            "gone",
            "killed",
            "kills",
            "at",
            "risk",
            "of",
            "trafficking",
            "lost",
            "track",
            "and",
            "they",
            ";",
            "dead",
            "deaths",
        ]
    ),
    max_size=10,
).map(" ".join)


@settings(max_examples=100, deadline=None)
@given(
    texts=st.lists(_TEXTS, max_size=5),
    predicates=st.lists(
        st.sampled_from(["lost", "killed", "dead", "trafficked", "went missing", "kills"]),
        min_size=1,
        max_size=4,
    ),
)
def test_said_in_agrees_with_match(texts: list[str], predicates: list[str]) -> None:
    found = LEXICON.said_in(texts, predicates)
    for predicate, where in zip(predicates, found, strict=True):
        expected = {}
        for index, text in enumerate(texts):
            match = LEXICON.match(text, predicate)
            if match is not None:
                expected[index] = match.says
        assert where == expected, predicate


def test_said_in_reads_each_group_once_for_many_predicates() -> None:
    # 3,000 predicates that all belong to one group of 3,000 wordings: one pass per text.
    words = [f"word{i}" for i in range(3_000)]
    extended = LEXICON.extended({"lost": words})
    with hang_guard(60):
        found = extended.said_in(["they went missing", "not missing", "elsewhere"], words)
    assert found == [{0: True, 1: False}] * 3_000
