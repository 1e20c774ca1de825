"""Extraction in groups: ``Extractor.extract_many``, the batch and Dask workers and
``nlp.pipe`` run each stage over a group of articles before the next stage; the results
must be those of one ``Extractor.extract`` after another, failures included."""

from __future__ import annotations

import gc
from typing import Any

import pytest
import spacy
from _util import ROOT

from ektp_extract import Extractor, batch, errors
from ektp_extract.extractor import GROUP_ARTICLES, GROUP_CHARS, _item_groups, groups

FIXTURES = sorted((ROOT / "fixtures" / "articles").glob("*.txt"))


def _texts() -> list[Any]:
    """The fixtures, several times over (more than two groups), and the inputs that stop
    before the stages."""
    once = [p.read_text(encoding="utf-8") for p in FIXTURES]
    texts: list[Any] = once * (2 * GROUP_ARTICLES // len(once) + 1)
    assert len(texts) > 2 * GROUP_ARTICLES
    texts[3:3] = ["", "  \n ", b"\x00\x01\x02\x03binary\x00\x00\x00",
                  "<html><body><p>Jakarta - Kepala Disdukcapil Budi, Senin (18/4/2016), "
                  "mengatakan 96.616 warga sudah merekam.</p></body></html>"]
    return texts


def test_extract_many_gives_what_extract_gives(extractor: Extractor) -> None:
    texts = _texts()
    want = [extractor.extract(t).to_json() for t in texts]
    assert [r.to_json() for r in extractor.extract_many(texts)] == want
    items = [{"text": t, "id": f"a{i}", "published": "2016-04-18T10:00:00+07:00"}
             for i, t in enumerate(texts)]
    want = [extractor.extract(t, f"a{i}", published="2016-04-18T10:00:00+07:00").to_json()
            for i, t in enumerate(texts)]
    assert [r.to_json() for r in extractor.extract_many(items)] == want
    want = [extractor.extract(t, reference_date="2019-03-20").to_json() for t in texts[:5]]
    assert [r.to_json() for r in extractor.extract_many(texts[:5], reference_date="2019-03-20")] == want


def test_groups_are_cut_by_articles_and_by_characters() -> None:
    items = [{"text": "Budi datang."} for _ in range(2 * GROUP_ARTICLES + 3)]
    assert [len(g) for g in _item_groups(iter(items))] == [GROUP_ARTICLES, GROUP_ARTICLES, 3]
    long = [{"text": "a" * (GROUP_CHARS // 2 + 1)} for _ in range(5)]
    assert [len(g) for g in _item_groups(iter(long))] == [2, 2, 1]
    assert [g for g in _item_groups(iter(items[:3]))] == [items[:3]]
    assert [len(g) for g in _item_groups(iter([*items[:3], {"id": "x"}, *items[:2]]))] == [3, 1, 2]
    assert [len(g) for g in groups(range(2 * GROUP_ARTICLES + 8), lambda i: GROUP_CHARS if i == 5 else 10)
            ] == [6, GROUP_ARTICLES, GROUP_ARTICLES, 2]


def test_an_item_without_text_fails_after_the_results_before_it(extractor: Extractor) -> None:
    results = extractor.extract_many(["Budi datang ke kantor.", {"id": "x"}, "Ani pergi."])
    assert next(results).content_hash == extractor.extract("Budi datang ke kantor.").content_hash
    with pytest.raises(KeyError):
        next(results)


def _failing_on(marker: str, real: Any) -> Any:
    def stage(doc: Any) -> None:
        if marker in doc.text:
            raise RuntimeError("broken")
        real(doc)
    return stage


def test_a_failing_stage_costs_only_that_article_that_stage(extractor: Extractor,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    texts = ["Jakarta - Pada Senin (18/4/2016) Budi datang bersama 12 orang.",
             "Jakarta - RUSAK pada Senin (18/4/2016) Ani datang bersama 12 orang.",
             "Jakarta - Pada Selasa (19/4/2016) Ani pergi bersama 30 orang."]
    good = [extractor.extract(t) for t in texts]
    stages = [(n, _failing_on("RUSAK", s) if n == "dates" else s) for n, s in extractor.stages]
    monkeypatch.setattr(extractor, "stages", stages)
    res = list(extractor.extract_many(texts))
    assert res[1].warnings == [errors.W_STAGE.format(stage="dates", error="RuntimeError")]
    assert res[1].dates == [] and res[1].quantities == good[1].quantities
    assert [r.to_json() for r in (res[0], res[2])] == [good[0].to_json(), good[2].to_json()]
    assert res[1].to_json() == extractor.extract(texts[1]).to_json()


def test_a_failing_preparation_costs_only_that_article(extractor: Extractor,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    texts = ["Budi datang pada Senin (18/4/2016).", "RUSAK: Ani pergi.", "Ani pergi bersama 12 orang."]
    good = [extractor.extract(t).to_json() for t in texts]
    real = Extractor._document

    def document(self: Extractor, source: str, *a: Any, **k: Any) -> Any:
        if "RUSAK" in source:
            raise ValueError("broken")
        return real(self, source, *a, **k)

    monkeypatch.setattr(Extractor, "_document", document)
    res = list(extractor.extract_many(texts))
    assert res[1].warnings == [errors.W_STAGE.format(stage="prepare", error="ValueError")]
    assert res[1].dates == [] and res[1].meta.title is None
    assert [res[0].to_json(), res[2].to_json()] == [good[0], good[2]]


def test_the_collector_is_paused_during_a_group_only(extractor: Extractor,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    stages = list(extractor.stages)
    name, real = stages[0]

    def stage(doc: Any) -> None:
        seen.append(gc.isenabled())
        real(doc)

    monkeypatch.setattr(extractor, "stages", [(name, stage), *stages[1:]])
    texts = ["Budi datang pada Senin (18/4/2016).", "Ani pergi bersama 12 orang."]
    assert gc.isenabled()
    fresh = Extractor()  # its first group compiles patterns: the collector stays on
    monkeypatch.setattr(fresh, "stages", [(name, stage), *stages[1:]])
    list(fresh.extract_many(texts))
    assert seen == [True, True]
    seen.clear()
    list(extractor.extract_many(texts))
    list(extractor.extract_many(texts))
    assert seen[-2:] == [False, False] and gc.isenabled()
    extractor.extract(texts[0])  # one article: left as it is
    assert seen[-1] is True
    gc.disable()
    try:
        list(extractor.extract_many(texts))
        assert not gc.isenabled()  # a caller's choice is kept
    finally:
        gc.enable()


# ------------------------------------------------------------------- batch and Dask workers


def _arts() -> list[batch.Article]:
    arts = [batch.Article(p.stem, p.name, None, p.read_bytes()) for p in FIXTURES[:20]]
    arts[2:2] = [batch.Article("kosong", "kosong.txt", None, b"  \n"),
                 batch.Article("biner", "biner.txt", None, b"\x00\x01\x02binary\x00\x00\x00"),
                 batch.Article("baris", "x.jsonl", 3, "Budi datang pada Senin (18/4/2016).",
                               "2016-04-18", True)]
    return arts


def _ctx(ex: Extractor, done: dict[str, str]) -> batch._Context:
    return batch._Context(root="", spool="", gen=0, done=done, patterns=[], debug=False,
                          extractor=ex)


def test_extract_arts_gives_what_extract_one_gives(extractor: Extractor) -> None:
    arts = _arts()
    unchanged = batch.content_hash(arts[0].payload.decode("utf-8"))  # type: ignore[union-attr]
    ctx = _ctx(extractor, {arts[0].article_id: unchanged, arts[1].article_id: "0" * 64})
    want = []
    for art in arts:
        errs: list[dict[str, Any]] = []
        want.append((batch._extract_one(extractor, ctx, art, errs), errs))
    got = batch._extract_arts(extractor, ctx, arts)
    assert got == want
    kinds = [entry[0] if entry else None for entry, _ in got]
    assert kinds[0] == "s" and kinds[1] == "a" and kinds[2:4] == [None, None]
    assert [e[0]["error"] for _, e in got[2:4]] == ["empty", "binary"]


def test_a_group_that_raises_is_extracted_one_by_one(extractor: Extractor,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    arts = _arts()[:8]
    want = batch._extract_arts(extractor, _ctx(extractor, {}), arts)
    real = Extractor.extract

    def extract(self: Extractor, text: Any, *a: Any, **k: Any) -> Any:
        if isinstance(text, str) and text.startswith("Budi datang pada"):
            raise RuntimeError("broken")
        return real(self, text, *a, **k)

    def extract_group(self: Extractor, items: Any) -> Any:
        raise RuntimeError("the group")

    monkeypatch.setattr(Extractor, "extract", extract)
    monkeypatch.setattr(Extractor, "_extract_group", extract_group)
    got = batch._extract_arts(extractor, _ctx(extractor, {}), arts)
    bad = [i for i, a in enumerate(arts) if a.article_id == "baris"]
    assert got[bad[0]] == (None, [batch.error_record("x.jsonl", "internal", "RuntimeError: broken",
                                                     3, "baris")])
    assert [g for i, g in enumerate(got) if i != bad[0]] == [w for i, w in enumerate(want) if i != bad[0]]


# ------------------------------------------------------------------------------- nlp.pipe


def test_nlp_pipe_gives_what_calls_give() -> None:
    nlp = spacy.blank("id")
    nlp.add_pipe("ektp_extract")
    once = [p.read_text(encoding="utf-8") for p in FIXTURES]
    texts = (once * (GROUP_ARTICLES // len(once) + 1))[:GROUP_ARTICLES + 3]
    one = [nlp(t) for t in texts]
    piped = list(nlp.pipe(texts))
    assert [d.text for d in piped] == texts
    assert [d._.ektp.to_json() for d in piped] == [d._.ektp.to_json() for d in one]
    assert [[(s.start_char, s.end_char, s.label_) for s in d.spans["ektp"]] for d in piped] == [
        [(s.start_char, s.end_char, s.label_) for s in d.spans["ektp"]] for d in one]
    assert sum(len(d.spans["ektp"]) for d in piped) > 100
