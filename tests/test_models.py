"""Records: field names of SPEC §3, JSON Schema, determinism, ids."""

from __future__ import annotations

import json
import subprocess
import sys

from ektp_extract import ArticleExtraction, Extractor, extract
from ektp_extract.models import json_schema


def test_top_level_field_names_are_the_public_api() -> None:
    assert list(ArticleExtraction.model_fields) == [
        "schema_version", "extractor_version", "article_id", "content_hash", "meta", "officials",
        "agencies", "quantities", "targets", "dates", "quotes", "warnings",
    ]
    props = json_schema()["$defs"]
    assert {"value", "unit", "kind", "approximate", "comparator", "text", "span"} <= set(props["Quantity"]["properties"])
    assert {"metric", "target", "achieved", "achievement_rate", "as_of", "owner_agency_id", "region", "span"} <= set(props["Target"]["properties"])
    assert {"text", "value", "granularity", "kind", "role", "span"} <= set(props["DateMention"]["properties"])
    assert {"id", "name", "honorifics", "position", "position_canonical", "agency_id", "region", "mentions"} <= set(props["Official"]["properties"])
    assert {"id", "name", "acronym", "aliases", "kind", "level", "region", "mentions", "inferred"} <= set(props["Agency"]["properties"])
    assert {"speaker_id", "speaker", "text", "verb", "direct", "span"} <= set(props["Quote"]["properties"])
    assert {"title", "published", "outlet", "authors", "section", "dateline_location", "cited_sources"} <= set(props["Meta"]["properties"])


def test_output_is_deterministic(seed_text: str) -> None:
    a = Extractor().extract(seed_text, article_id="seed").to_json()
    b = Extractor().extract(seed_text, article_id="seed").to_json()
    assert a == b
    assert extract(seed_text, article_id="seed").to_json() == a


def test_ids_are_sequential_within_an_article(extractor: Extractor, seed_text: str) -> None:
    res = extractor.extract(seed_text)
    assert [o.id for o in res.officials] == [f"off-{i}" for i in range(1, len(res.officials) + 1)]
    assert [a.id for a in res.agencies] == [f"ag-{i}" for i in range(1, len(res.agencies) + 1)]
    ids = {a.id for a in res.agencies}
    assert all(o.agency_id is None or o.agency_id in ids for o in res.officials)
    off = {o.id for o in res.officials}
    assert all(q.speaker_id is None or q.speaker_id in off for q in res.quotes)


def test_extract_many_keeps_order(extractor: Extractor) -> None:
    texts = [f"Sebanyak {n}.000 warga merekam data di Kota Magelang." for n in range(1, 7)]
    one = [r.to_json() for r in extractor.extract_many(texts)]
    two = [r.to_json() for r in extractor.extract_many(texts, n_process=2, chunksize=1)]
    assert one == two
    assert [r.content_hash for r in extractor.extract_many(texts)] == [
        extractor.extract(t).content_hash for t in texts
    ]


def test_schema_command_prints_json_schema() -> None:
    out = subprocess.run([sys.executable, "-m", "ektp_extract", "schema"], capture_output=True,
                         text=True, check=True).stdout
    assert json.loads(out)["title"] == "ArticleExtraction"


def test_new_result_equals_the_validated_record() -> None:
    """Extractor.extract starts from models.new_result: equal to the validated constructor."""
    import pytest

    from ektp_extract.models import new_result

    fast = new_result("abc", "0" * 64)
    slow = ArticleExtraction(article_id="abc", content_hash="0" * 64)
    assert fast == slow
    assert fast.model_fields_set == slow.model_fields_set
    assert fast.model_dump_json() == slow.model_dump_json()
    assert fast.meta is not new_result("x", "y").meta and fast.warnings is not new_result("x", "y").warnings
    with pytest.raises(ValueError):
        new_result(5, "x")  # type: ignore[arg-type]  # not a str: validated, and refused


def test_extract_sets_fields_as_pydantic_does(extractor: Extractor) -> None:
    """The result's fields are set as ``setattr`` sets them: every field the extraction fills
    is in the fields set, and the record revalidates to itself."""
    res = extractor.extract("Jakarta (ANTARA) - Sebanyak 96.616 warga sudah merekam data.", "id1")
    assert {"article_id", "content_hash", "warnings", "quantities", "meta"} <= res.model_fields_set
    assert ArticleExtraction.model_validate(res.model_dump()) == res
    empty = extractor.extract("   ")
    assert empty.warnings and ArticleExtraction.model_validate(empty.model_dump()) == empty
