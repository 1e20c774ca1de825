"""The spaCy component: factory, spans, doc._.ektp, config, serialisation, n_process, displaCy."""

from __future__ import annotations

import importlib
import importlib.metadata
import pickle
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import spacy
from _util import ROOT
from spacy import displacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

import ektp_extract.spacy_component as sc
from ektp_extract import Extractor, extract
from ektp_extract.errors import PatternError
from ektp_extract.models import (
    Agency,
    ArticleExtraction,
    DateMention,
    Official,
    Quantity,
    Quote,
    Span,
    Target,
)
from ektp_extract.spans import LABELS, labelled_spans

# Our own sentences (not from any published article).
HAND = (
    "Kepala Dinas Kependudukan Kota Lirang, Sutomo, mengatakan 4.200 warga sudah merekam data "
    "pada Senin (18/3/2019). \u201cKami menargetkan 5.000 warga,\u201d kata Sutomo."
)
DATELINE = "Semarangpos.com, MAGELANG \u2013 Warga Kota Magelang mulai merekam data kependudukan.\n"


def _sp(text: str, part: str, nth: int = 0) -> Span:
    i = -1
    for _ in range(nth + 1):
        i = text.index(part, i + 1)
    return Span(start=i, end=i + len(part), text=part)


def _hand_record() -> ArticleExtraction:
    """A record with one item of every label, spans into HAND."""
    t = HAND
    q1 = Quantity(value=4200, unit="warga", text="4.200 warga", span=_sp(t, "4.200 warga"))
    q2 = Quantity(value=5000, unit="warga", text="5.000 warga", span=_sp(t, "5.000 warga"))
    return ArticleExtraction(
        article_id="hand",
        officials=[Official(id="off-1", name="Sutomo", position="Kepala Dinas Kependudukan Kota Lirang",
                            span=_sp(t, "Sutomo"), mentions=[_sp(t, "Sutomo"), _sp(t, "Sutomo", 1)])],
        agencies=[Agency(id="ag-1", name="Dinas Kependudukan Kota Lirang",
                         span=_sp(t, "Dinas Kependudukan Kota Lirang"),
                         mentions=[_sp(t, "Dinas Kependudukan Kota Lirang")]),
                  Agency(id="ag-2", name="Kementerian Dalam Negeri", inferred=True)],
        quantities=[q1, q2],
        targets=[Target(target=q2, span=_sp(t, "menargetkan 5.000 warga"))],
        dates=[DateMention(text="Senin (18/3/2019)", value="2019-03-18", granularity="day",
                           span=_sp(t, "Senin (18/3/2019)"))],
        quotes=[Quote(speaker="Sutomo", text="Kami menargetkan 5.000 warga,",
                      span=_sp(t, "Kami menargetkan 5.000 warga,"))],
    )


class _FixedExtractor:
    """Stands in for Extractor: returns a prepared record."""

    def __init__(self, record: ArticleExtraction) -> None:
        self.record = record
        self.calls: list[dict[str, object]] = []

    def extract(self, text: str, article_id: object = None, reference_date: object = None,
                **kw: object) -> ArticleExtraction:
        self.calls.append({"text": text, "reference_date": reference_date})
        return self.record


@pytest.fixture(scope="module")
def nlp() -> Language:
    """One pipeline for the module: spacy.blank("id") takes about 2 s to build."""
    n = spacy.blank("id")
    n.add_pipe("ektp_extract")
    return n


def _run(nlp: Language, comp: sc.EktpExtractComponent, text: str) -> Doc:
    """Run a component made with nlp.create_pipe on a freshly tokenised text."""
    return comp(nlp.make_doc(text))


# ---------------------------------------------------------------- factory / entry point
def test_entry_point_names_the_factory() -> None:
    """pyproject's spacy_factories entry point resolves to the registered factory."""
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    target = data["project"]["entry-points"]["spacy_factories"]["ektp_extract"]
    module, attr = target.split(":")
    assert getattr(importlib.import_module(module), attr) is sc.make_component
    assert Language.has_factory("ektp_extract")
    assert Language.get_factory_meta("ektp_extract").default_config == {
        "extra_patterns": [], "reference_date": None, "spans_key": "ektp"}


def _installed_entry_point() -> bool:
    eps = importlib.metadata.entry_points(group="spacy_factories")
    return any(ep.name == "ektp_extract" for ep in eps)


@pytest.mark.skipif(not _installed_entry_point(), reason="package not installed (no entry point)")
def test_add_pipe_without_importing_the_package(tmp_path: Path) -> None:
    """After pip install, spaCy finds the factory through the entry point alone."""
    code = (
        "import sys, spacy\n"
        "nlp = spacy.blank('id'); nlp.add_pipe('ektp_extract')\n"
        "doc = nlp('Jakarta - Sebanyak 1.200 warga merekam data, Senin (18/3/2019).')\n"
        "print(type(doc._.ektp).__name__, nlp.pipe_names)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["ArticleExtraction", "['ektp_extract']"]


# ---------------------------------------------------------------- spans and doc._.ektp
def test_every_label_from_records(nlp: Language) -> None:
    comp = nlp.create_pipe("ektp_extract")
    comp._extractor = _FixedExtractor(_hand_record())
    doc = _run(nlp, comp, HAND)
    got = {(s.label_, s.text) for s in doc.spans["ektp"]}
    assert {label for label, _ in got} == set(LABELS)
    assert ("POSITION", "Kepala Dinas Kependudukan Kota Lirang") in got
    assert ("AGENCY", "Dinas Kependudukan Kota Lirang") in got
    assert ("TARGET", "menargetkan 5.000 warga") in got
    assert ("DATE", "Senin (18/3/2019)") in got
    assert sum(1 for label, _ in got if label == "OFFICIAL") == 1  # both mentions, same text
    assert len([s for s in doc.spans["ektp"] if s.label_ == "OFFICIAL"]) == 2
    # an inferred agency has no text to point at
    assert not any(s.text == "Kementerian Dalam Negeri" for s in doc.spans["ektp"])
    # every spaCy span covers its record's characters
    for start, end, label in labelled_spans(_hand_record(), HAND):
        assert any(s.start_char <= start and end <= s.end_char and s.label_ == label
                   for s in doc.spans["ektp"])


def test_position_span_needs_the_text_near_a_mention() -> None:
    rec = _hand_record()
    assert ("POSITION" in {lab for *_, lab in labelled_spans(rec, HAND)})
    assert "POSITION" not in {lab for *_, lab in labelled_spans(rec)}
    far = HAND + " " * 2000 + rec.officials[0].position  # type: ignore[operator]
    spans = [(s, e) for s, e, lab in labelled_spans(rec, far) if lab == "POSITION"]
    assert spans == [(0, len("Kepala Dinas Kependudukan Kota Lirang"))]


def test_seed_doc_matches_the_library(nlp: Language, seed_text: str) -> None:
    doc = nlp(seed_text)
    res = doc._.ektp
    assert isinstance(res, ArticleExtraction)
    expected = extract(seed_text)
    assert res.model_dump() == expected.model_dump()
    assert res.meta.published == "2016-04-19T13:50:00+07:00"
    labels = {s.label_ for s in doc.spans["ektp"]}
    assert labels == set(LABELS)  # the seed has every kind of record
    want = {lab for *_, lab in labelled_spans(expected, seed_text)}
    assert labels == want
    for s in doc.spans["ektp"]:
        assert seed_text[s.start_char:s.end_char] == s.text


def test_ektp_setter_and_unset_doc(nlp: Language) -> None:
    doc = nlp.make_doc("Teks tanpa komponen.")
    assert doc._.ektp is None
    rec = _hand_record()
    doc._.ektp = rec
    assert doc._.ektp == rec
    assert isinstance(doc.user_data[sc.USER_DATA_KEY], str)
    doc._.ektp = None
    assert sc.USER_DATA_KEY not in doc.user_data


def test_doc_bytes_round_trip_keeps_the_record(nlp: Language, seed_text: str) -> None:
    doc = nlp(seed_text)
    back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert back._.ektp == doc._.ektp
    assert [(s.start, s.end, s.label_) for s in back.spans["ektp"]] == \
        [(s.start, s.end, s.label_) for s in doc.spans["ektp"]]
    binned = DocBin(store_user_data=True, docs=[doc]).to_bytes()
    (again,) = DocBin().from_bytes(binned).get_docs(nlp.vocab)
    assert again._.ektp == doc._.ektp


# ---------------------------------------------------------------- config
def test_reference_date_is_passed_on(nlp: Language) -> None:
    comp = nlp.create_pipe("ektp_extract", config={"reference_date": "2019-03-20"})
    fake = _FixedExtractor(ArticleExtraction())
    comp._extractor = fake
    _run(nlp, comp, "Kemarin warga merekam data.")
    assert fake.calls == [{"text": "Kemarin warga merekam data.", "reference_date": "2019-03-20"}]


def test_spans_key_config(nlp: Language) -> None:
    comp = nlp.create_pipe("ektp_extract", config={"spans_key": "fakta"})
    doc = _run(nlp, comp, "Jateng\nSelasa, 19 Maret 2019 - 13:50 WIB\n\nJudul berita kependudukan\n\n" + DATELINE)
    assert "fakta" in doc.spans and "ektp" not in doc.spans
    assert any(s.label_ == "DATE" for s in doc.spans["fakta"])


def _user_patterns(root: Path) -> Path:
    d = root / "my_patterns"
    d.mkdir()
    (d / "outlets.toml").write_text(
        '[file]\nkind = "meta"\ndescription = "test override"\n\n'
        '[[outlets]]\nid = "solopos"\nname = "Koran Uji"\nforms = ["Semarangpos.com"]\n',
        encoding="utf-8")
    return d


def test_extra_patterns_config(nlp: Language, tmp_path: Path) -> None:
    d = _user_patterns(tmp_path)
    assert nlp(DATELINE)._.ektp.meta.outlet == "Solopos.com"
    comp = nlp.create_pipe("ektp_extract", config={"extra_patterns": [str(d)]})
    assert _run(nlp, comp, DATELINE)._.ektp.meta.outlet == "Koran Uji"


def test_bad_extra_pattern_dir_fails_at_first_use(nlp: Language, tmp_path: Path) -> None:
    comp = nlp.create_pipe("ektp_extract", config={"extra_patterns": [str(tmp_path / "missing")]})
    with pytest.raises(PatternError, match="P001"):
        _run(nlp, comp, "Teks.")


def test_to_disk_from_disk_keeps_user_patterns(tmp_path: Path) -> None:
    d = _user_patterns(tmp_path)
    n = spacy.blank("id")
    n.add_pipe("ektp_extract", config={"extra_patterns": [str(d)], "reference_date": "2019-03-20"})
    n.to_disk(tmp_path / "model")
    assert (tmp_path / "model" / "ektp_extract" / sc.PATTERNS_DIR / "00-my_patterns"
            / "outlets.toml").is_file()
    shutil.rmtree(d)  # the pipeline must not need the original directory any more
    back = spacy.load(tmp_path / "model")
    comp = back.get_pipe("ektp_extract")
    assert comp.reference_date == "2019-03-20"
    assert back(DATELINE)._.ektp.meta.outlet == "Koran Uji"
    # and the component saves again from its own copy
    comp.to_disk(tmp_path / "again")
    again = sc.EktpExtractComponent().from_disk(tmp_path / "again")
    assert again.reference_date == "2019-03-20"
    assert _run(back, again, DATELINE)._.ektp.meta.outlet == "Koran Uji"


def test_component_pickles_as_settings(nlp: Language, tmp_path: Path) -> None:
    d = _user_patterns(tmp_path)
    comp = sc.EktpExtractComponent(extra_patterns=[d], reference_date="2019-03-20")
    back = pickle.loads(pickle.dumps(comp))
    assert back.extra_patterns == [str(d)] and back.reference_date == "2019-03-20"
    assert isinstance(back.extractor, Extractor)
    assert _run(nlp, back, DATELINE)._.ektp.meta.outlet == "Koran Uji"


# ---------------------------------------------------------------- processes and displaCy
def test_pipe_with_two_processes(nlp: Language, seed_text: str) -> None:
    texts = [seed_text, DATELINE, HAND, seed_text]
    single = list(nlp.pipe(texts))
    multi = list(nlp.pipe(texts, n_process=2, batch_size=1))
    assert [d.text for d in multi] == texts
    for a, b in zip(single, multi):
        assert isinstance(b._.ektp, ArticleExtraction)
        assert b._.ektp == a._.ektp
        assert [(s.start, s.end, s.label_) for s in b.spans["ektp"]] == \
            [(s.start, s.end, s.label_) for s in a.spans["ektp"]]


def test_displacy_draws_the_spans(nlp: Language) -> None:
    comp = nlp.create_pipe("ektp_extract")
    comp._extractor = _FixedExtractor(_hand_record())
    html = displacy.render(_run(nlp, comp, HAND), style="span", options={"spans_key": "ektp"}, page=True)
    for label in LABELS:
        assert label in html
    assert "Sutomo" in html
