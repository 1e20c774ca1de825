"""benchmarks/realtext.py: CoNLL reading, offsets, gold spans, cues, scoring (made-up corpus)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest
from _util import ROOT

from ektp_extract.lexicon import load_lexicon


def _load_module():
    spec = importlib.util.spec_from_file_location("realtext", ROOT / "benchmarks" / "realtext.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["realtext"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


rt = _load_module()

# Written for this test (CRLF line ends and a blank line between sentences, as the corpus has).
SENTENCE_1 = [
    ("Bupati", "PROPN", "O"), ("Sleman", "PROPN", "B-LOC"), ("Agus", "PROPN", "B-PER"),
    ("Santoso", "PROPN", "I-PER"), ("meninjau", "VERB", "O"), ("Dinas", "PROPN", "B-ORG"),
    ("Kesehatan", "PROPN", "I-ORG"), ("Sleman", "PROPN", "I-ORG"), ("pada", "ADP", "O"),
    ("Senin", "PROPN", "O"), ("(4/3/2019)", "PUNCT", "O"), (".", "PUNCT", "O"),
]
SENTENCE_2 = [
    ("Sebanyak", "ADV", "O"), ("120", "NUM", "O"), ("warga", "NOUN", "O"), ("datang", "VERB", "O"),
    ("ke", "ADP", "O"), ("kantor", "NOUN", "O"), ("KPU", "PROPN", "B-ORG"), (",", "PUNCT", "O"),
    ("kata", "VERB", "O"), ("Rina", "PROPN", "B-PER"), (".", "PUNCT", "O"),
]


def _write(path: Path, sentences) -> None:
    body = "\r\n\r\n".join("\r\n".join(" ".join(t) for t in s) for s in sentences)
    path.write_bytes((body + "\r\n").encode("utf-8"))


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    for split in rt.SPLITS:
        _write(tmp_path / f"{split}.txt", [SENTENCE_1, SENTENCE_2])
    return tmp_path


def test_sentences_are_rebuilt_with_single_spaces_and_offsets(corpus: Path) -> None:
    units = rt.load_units(corpus, 1)
    assert len(units) == 6
    u = units[0]
    assert u.text.startswith("Bupati Sleman Agus Santoso meninjau")
    for tok, (s, e) in zip(u.tokens, u.offsets):
        assert u.text[s:e] == tok
    assert [(e.label, e.text) for e in u.entities] == [
        ("LOC", "Sleman"), ("PER", "Agus Santoso"), ("ORG", "Dinas Kesehatan Sleman")]


def test_paragraphs_join_consecutive_sentences_of_a_split(corpus: Path) -> None:
    units = rt.load_units(corpus, 5)
    assert len(units) == 3 and all(u.n_sentences == 2 for u in units)
    u = units[0]
    per = [e for e in u.entities if e.label == "PER"]
    assert [u.text[e.start:e.end] for e in per] == ["Agus Santoso", "Rina"]


def test_iob_without_b_starts_an_entity() -> None:
    text = "a b c"
    ents = rt.entities_from_tags(["I-PER", "I-PER", "B-ORG"], [(0, 1), (2, 3), (4, 5)], text)
    assert [(e.label, e.text) for e in ents] == [("PER", "a b"), ("ORG", "c")]


def test_cues_honorifics_and_public_bodies() -> None:
    lex = load_lexicon([])
    cues = rt.position_words(lex)
    assert {"bupati", "gubernur", "kepala", "presiden"} <= cues
    hon = rt.honorific_forms(lex)
    assert rt.strip_honorifics("Drs. H. Agus Santoso, M.Si", hon) == "Agus Santoso"
    u = rt.make_unit("dev", 0, [SENTENCE_1, SENTENCE_2])
    per = [e for e in u.entities if e.label == "PER"]
    assert rt.cue_side(u, per[0], cues) == "before" and rt.tight_cue(u, per[0], cues)
    assert rt.cue_side(u, per[1], cues) is None
    org = [e for e in u.entities if e.label == "ORG"]
    assert all(rt.is_public_body(o, u.tokens) for o in org)


def test_run_scores_and_writes_json(corpus: Path, tmp_path: Path) -> None:
    samples = tmp_path / "samples.txt"
    res = rt.run(corpus, samples=samples)
    s = res["sentences"]
    assert s["sentences"] == 6 and s["gold"]["PER"] == 6 and s["gold"]["PER_next_to_position"] == 3
    assert s["robustness"]["W006_stage_failed"] == 0 and s["robustness"]["raised"] == 0
    assert s["officials"]["recall_PER_next_to_position"] == 1.0
    assert s["officials"]["precision_overlap_PER"] == 1.0
    assert s["agencies"]["recall_ORG_public_body"] == 1.0
    assert res["paragraphs"]["sentences"] == 6
    assert set(res["sentences_by_split"]) == set(rt.SPLITS)
    json.dumps(res)
    assert "QUANTITY" in samples.read_text(encoding="utf-8")
    assert "DATE" in samples.read_text(encoding="utf-8")
    assert "officials: named / name mentions" in rt.table(res)


def test_missing_corpus_is_bad_usage(tmp_path: Path, capsys) -> None:
    assert rt.main(["--data", str(tmp_path), "--out", str(tmp_path / "x.json")]) == 2
    assert "not found" in capsys.readouterr().err
