"""The spaCy pipeline: components registered by name, composed by config, built once."""
from __future__ import annotations

from spacy.language import Language

from kehoach.parser.nlp import pipeline


def test_components_registered_and_composed():
    for name in pipeline.CONFIG:
        assert Language.has_factory(name)
    nlp = pipeline.get()
    assert nlp.pipe_names == pipeline.CONFIG
    assert pipeline.get() is nlp  # once per process


def test_a_component_can_be_swapped_and_spans_land_in_groups():
    @Language.factory("test_no_dates")
    def _make(nlp, name):
        def component(doc):
            doc._.date_hits = []
            return doc
        return component

    text = "Căn cứ Công văn số 348/PGD&ĐT ngày 10 tháng 9 năm 2024 của Phòng GD&ĐT thị xã Hương Thuỷ."
    full = pipeline.build()(text)
    assert [sp.text for sp in full.spans["dates"]] == ["ngày 10 tháng 9 năm 2024"]
    (ref,) = pipeline.group_data(full, "legal_refs")
    assert ref["date"] == "2024-09-10" and full.spans["legal_refs"][0].label_ == "REF"
    swapped = pipeline.build(["test_no_dates", "kehoach_refs"])(text)
    (ref,) = pipeline.group_data(swapped, "legal_refs")
    # without the dates component the date between symbol and issuer is not read, nor what follows it
    assert ref["symbol"] == "348/PGD&ĐT" and ref["date"] is None and ref["issuer"] is None
    assert "dates" not in swapped.spans
