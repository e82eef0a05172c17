"""Speakers found in gold parts 65-67's constructions: a name described by a fellowship ("X,
senior research fellow at ..."), a surname of two words ("Mr. Van Hollen"), the addressee of
"told" that the parser made a second subject, a participle after the object of a preposition
("gathered near the site chanting"), and an unnamed official's quotation after his reported
sentence.

Texts are invented for the tests, modelled on constructions found in real articles (a think-tank
analyst on a delayed vote, a budget debate, evicted nurses, a bombing, a plane crash inquiry).
"""

from __future__ import annotations

from dataclasses import replace

from framing.actors.gazetteer import Gazetteer
from framing.actors.mentions import _described_as_someone
from framing.text.parse import parse
from framing.voice.attribution import _subject

from .test_speaker_cases import quote_with, shipped, speakers

__all__ = ["shipped"]


def test_a_name_set_beside_a_fellowship_is_a_person() -> None:
    doc = parse("Gareth Pryce, senior research fellow at a London think-tank, said uncertainty around the bill contributed to the delay.")
    assert _described_as_someone(doc, doc.tokens.index("Pryce"))


def test_mr_and_a_surname_of_two_words_is_the_person_named_in_full(shipped: Gazetteer) -> None:
    text = (
        "Rep. Chris Van Holt, the top Democrat on the committee, spoke on Tuesday.\n\n"
        "“They have chosen to defend special interest tax breaks over defense spending,” Mr. Van Holt said."
    )
    q = quote_with(speakers(text, shipped), text, "special interest")
    assert q.speaker_name == "Chris Van Holt"


def test_whom_one_tells_is_no_subject() -> None:
    # the parse of a long aside between the name and "told" may make the addressee a second
    # subject (seen on a real article); here that parse is set up by hand
    doc = parse(
        "\"Nobody offered me a room,\" Salma Yasmeen, 23, a medical nurse in the district, who was among those evicted "
        "from her home, told Al Jazeera."
    )
    told, jazeera = doc.tokens.index("told"), doc.tokens.index("Jazeera")
    deps = list(doc.deps)
    deps[jazeera] = "nsubj"
    doc = replace(doc, deps=tuple(deps))
    assert doc.heads[jazeera] == told
    assert doc.tokens[_subject(doc, told) or 0] == "Yasmeen"


def test_a_participle_after_the_object_of_a_preposition_is_the_subject(shipped: Gazetteer) -> None:
    text = (
        "Police sealed off the area and forensic teams moved in.\n\n"
        "Hundreds of residents gathered near the site chanting \"Peace for our city\" as well as slogans denouncing attacks."
    )
    assert quote_with(speakers(text, shipped), text, "Peace for our city").speaker_text == "Hundreds of residents"


def test_an_officials_quotation_after_his_reported_sentence(shipped: Gazetteer) -> None:
    text = (
        "Investigators are still searching the sea for the wreckage.\n\n"
        "The U.S. official speaking to Fox News said satellites could have missed an explosion over the sea. "
        "\"Contrary to popular belief, we cannot see every part of the earth all the time.\""
    )
    q = quote_with(speakers(text, shipped), text, "Contrary to popular belief")
    assert q.speaker_text == "The U.S. official"


def test_a_transcripts_clip_after_narration_about_someone_is_theirs(shipped: Gazetteer) -> None:
    text = (
        "Since his election, the president has put four generals in senior positions. Next to go was an active-duty general, "
        "Harold Rast, who replaced the first. Rast pushed for a bigger military commitment abroad. He was also a fierce critic "
        "of the Kremlin. “We might show them the beaches where craters still show the West’s will to sacrifice.” The president, "
        "on the other hand, had opposing views."
    )
    assert quote_with(speakers(text, shipped), text, "beaches where craters").speaker_name == "Harold Rast"
