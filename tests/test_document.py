"""Document helpers used by every stage."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ektp_extract.document import Document
from ektp_extract.lexicon import Lexicon
from ektp_extract.text import Mask, normalise, paragraphs


def _doc(text: str) -> Document:
    prep = normalise(text)
    return Document(prep=prep, lexicon=Lexicon(), mask=Mask(prep.norm))


def test_claims_overlap_queries() -> None:
    d = _doc("x" * 100)
    d.claim("date", 10, 20)
    d.claim("date", 50, 60)
    d.claim("date", 0, 5)
    d.claim("other", 30, 40)
    assert d.is_claimed(15, 16, "date")
    assert d.is_claimed(19, 25, "date")
    assert not d.is_claimed(20, 50, "date")
    assert d.is_claimed(35, 36)  # any label
    assert not d.is_claimed(35, 36, "date")
    d.claim("date", 5, 100)  # a late wide claim invalidates the index
    assert d.is_claimed(70, 71, "date")


def test_claim_all_equals_claims_one_by_one() -> None:
    """claim_all(label, ranges) leaves the claims and the overlap answers that claiming each
    range in turn leaves, also after an overlap query built the label's index."""
    ranges = [(10, 20), (50, 60), (0, 5), (58, 70)]
    one, many = _doc("x" * 100), _doc("x" * 100)
    for d in (one, many):
        d.claim("agency", 80, 90)
        assert d.is_claimed(85, 86, "agency")  # (the index is built before the new claims)
    for a, b in ranges:
        one.claim("agency", a, b)
    many.claim_all("agency", ranges)
    assert many.claimed == one.claimed
    answers = [(s, e, many.is_claimed(s, e, "agency")) for s in range(0, 100, 3) for e in (s + 1, s + 4)]
    assert answers == [(s, e, one.is_claimed(s, e, "agency")) for s, e, _ in answers]
    assert many.is_claimed(65, 66, "agency") and not many.is_claimed(40, 45, "agency")


def test_span_maps_to_source_and_blank_resets_views() -> None:
    src = "\u201cKami siap,\u201d ujar Budi.\n\nAdvertisement\n\nParagraf dua."
    d = _doc(src)
    i = d.text.index("Budi")
    assert d.span(i, i + 4).text == "Budi"
    assert len(d.paragraphs) == 3
    j = d.text.index("Advertisement")
    d.blank(j, j + len("Advertisement"), "ad")
    assert len(d.paragraphs) == 2
    assert d.sentence_of(d.text.index("Paragraf")) == (d.text.index("Paragraf"), len(d.text))
    assert d.paragraph_of(j) is None


def test_default_meta_equals_a_validated_empty_meta() -> None:
    from ektp_extract.models import Meta

    made = _doc("Isi berita.").meta
    assert made == Meta() and made.model_fields_set == set()
    assert list(made.__dict__) == list(Meta().__dict__)
    assert made.model_dump_json() == Meta().model_dump_json()
    made.authors.append("A")  # no list shared between documents
    assert _doc("Isi berita.").meta.authors == []


def test_span_equals_the_validated_span() -> None:
    """Document.span fills a Span without validation (and, on identity offsets, without
    Prepared.to_source): equal to the validated record, on both kinds of offset map."""
    from ektp_extract.models import Span

    for src in ("Kata Budi di Magelang.", "a\u200bb Budi \ufb01le\r\nbaris"):
        d = _doc(src)
        n = len(d.text)
        for a in range(n + 1):
            for b in range(a, n + 1):
                fast = d.span(a, b)
                s, e = d.prep.to_source(a, b)
                slow = Span(start=s, end=e, text=src[s:e])
                assert type(fast) is Span and fast == slow
                assert fast.model_fields_set == slow.model_fields_set
                assert fast.model_dump_json() == slow.model_dump_json()

    # every span shares one fields set (document._SPAN_FIELDS): what pydantic does with a
    # span's fields set leaves it as it is, and a copy has a set of its own
    from ektp_extract.document import _SPAN_FIELDS

    d = _doc("Kata Budi di Magelang.")
    a, b = d.span(0, 4), d.span(5, 9)
    assert a.model_fields_set is b.model_fields_set is _SPAN_FIELDS
    a.start = 1  # (assignment adds the name to the fields set: it is there already)
    a.text = "ata"
    assert _SPAN_FIELDS == {"start", "end", "text"} == Span(start=0, end=1, text="K").model_fields_set
    c = b.model_copy(update={"end": 8})
    assert c.model_fields_set is not _SPAN_FIELDS and _SPAN_FIELDS == {"start", "end", "text"}
    assert b.model_copy(deep=True).model_fields_set is not _SPAN_FIELDS
    assert Span.model_validate(b.model_dump()).model_fields_set == _SPAN_FIELDS


_LINE_TEXT = st.lists(
    st.sampled_from(["a", "Kata", " ", "  ", "\n", "\n\n", " \n", "\t", "\x0b", "\x1c", "\x85", "\u2028", "\u3000", "."]),
    max_size=50,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(
    _LINE_TEXT,
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60), st.booleans()), max_size=8),
    st.booleans(),
)
def test_lines_after_blanks_equal_a_fresh_scan(text: str, blanks: list[tuple[int, int, bool]], first: bool) -> None:
    """Document.lines re-reads only the lines a blank touches (text.relines): the same as
    text.lines over the blanked text, whether read between blanks or not."""
    from ektp_extract.text import lines

    d = _doc(text)
    n = len(d.text)
    if first:
        assert d.lines == lines(d.text)
    for a, b, read in blanks:
        a, b = min(a, b, n), min(max(a, b), n)
        held = d.lines if read else None
        before = list(held) if held is not None else None
        d.blank(a, b, "r")
        if read:
            assert d.lines == lines(d.text)
            assert held == before  # a list handed out earlier is not changed
    assert d.lines == lines(d.text)
    assert d.paragraphs == paragraphs(d.text)


def test_lines_after_each_stage_equal_a_fresh_scan_on_the_fixtures() -> None:
    """Through the real stages (boilerplate and meta blank): Document.lines and the
    paragraphs equal a fresh scan of the working text before and after each stage."""
    from pathlib import Path

    from ektp_extract import Extractor
    from ektp_extract.text import lines

    ex = Extractor()
    checked: list[str] = []

    def wrap(name: str, stage: Any) -> Any:
        def run(doc: Document) -> None:
            if name in ("boilerplate", "meta", "dates"):
                checked.append(name)
                stage(doc)
                assert doc.lines == lines(doc.text), name
                assert doc.paragraphs == paragraphs(doc.text), name
            else:
                stage(doc)
        return run

    ex.stages = [(name, wrap(name, stage)) for name, stage in ex.stages]
    root = Path(__file__).resolve().parent.parent / "fixtures" / "articles"
    for path in sorted(root.glob("*.txt")):
        res = ex.extract(path.read_text(encoding="utf-8"))
        assert not [w for w in res.warnings if "stage" in w], (path.name, res.warnings)
    assert checked.count("boilerplate") == len(list(root.glob("*.txt"))) > 0
