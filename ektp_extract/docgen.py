"""Generate docs/records.md from the Pydantic models, so the reference cannot drift.

``python -m ektp_extract.docgen > docs/records.md``; tests/test_docs.py fails when
the committed file differs from what this prints.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from . import models

ORDER = [
    models.ArticleExtraction, models.Meta, models.Official, models.Agency, models.Quantity,
    models.Target, models.DateMention, models.Quote, models.Span,
]


def _type_name(ann: Any) -> str:
    text = repr(ann) if not isinstance(ann, type) else ann.__name__
    for prefix in ("typing.", "ektp_extract.models."):
        text = text.replace(prefix, "")
    return text.replace("NoneType", "None")


def render() -> str:
    out = [
        "# Record reference",
        "",
        "Generated from `ektp_extract/models.py` by `python -m ektp_extract.docgen`; do not edit by hand.",
        "JSON field names are public API (SPEC §3). Every `Span` indexes the ORIGINAL input:",
        "`source[span.start:span.end] == span.text`.",
        "",
    ]
    for model in ORDER:
        out.append(f"## {model.__name__}")
        out.append("")
        doc = (model.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")
        if doc:
            out.append(doc)
            out.append("")
        out.append("| field | type | default | description |")
        out.append("|---|---|---|---|")
        for name, f in model.model_fields.items():
            default = "required" if f.is_required() else (
                "[]" if f.default_factory is list else ("{}" if f.default_factory is dict else (
                    f.default_factory.__name__ + "()" if f.default_factory else repr(f.default))))
            desc = (f.description or "").replace("|", "\\|")
            tname = _type_name(f.annotation).replace("|", "\\|")
            out.append(f"| `{name}` | `{tname}` | {default} | {desc} |")
        out.append("")
    return "\n".join(out)


def main() -> None:
    print(render(), end="")


if __name__ == "__main__":
    main()
