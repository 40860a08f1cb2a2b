"""The attributes a CRFsuite model knows, read from its file, so the features handed to
underthesea's tagger can be only those.

underthesea_core's `CRFTagger.tag` turns every feature string into an attribute id and drops
the ones the model lacks (`attrs_to_ids_readonly`: a `filter_map`), then sums the weights of the
rest in the order given. A feature the model lacks adds nothing, yet it is still built, copied
into Rust and hashed there: 37-47% of the features of a plan's clauses. Handing over only the
known ones, in their order, gives the same sums and so the same tags
(tests/test_nlp_crf_attrs.py), and the strings handed over are the ones read here, built once
per process, whose UTF-8 form CPython keeps after the first call.

The file is CRFsuite's ("lCRF"); its attributes are a CQDB (constant quark database) chunk whose
backward array gives each attribute id's record: id, size, the UTF-8 key and a NUL. underthesea_core
exposes only their number (`CRFModel.num_attributes`) and python-crfsuite only a text dump (0.6 s
a model); reading the chunk takes a few milliseconds. The tests compare the set read here with
python-crfsuite's and the count with underthesea_core's.
"""
from __future__ import annotations

import struct
from functools import lru_cache

_HEADER = struct.Struct("<4sI4sIIIIIIIII")  # magic, size, type, version, #features, #labels, #attrs, 5 offsets
_CQDB = struct.Struct("<4sIIIII")  # magic, size, flag, byteorder, bwd_size, bwd_offset
_CQDB_BYTEORDER = 0x62445371


class NotCRFsuite(ValueError):
    """The file is not a CRFsuite model this reader knows (then the features are not filtered)."""


def attributes(path: str) -> list[str]:
    """Every attribute of the CRFsuite model at `path`, by id."""
    with open(path, "rb") as f:
        data = f.read()
    try:
        return _attributes(data, path)
    except struct.error as e:  # an offset or a size past the end of the file
        raise NotCRFsuite(f"{path}: a truncated CRFsuite model ({e})") from None


def _attributes(data: bytes, path: str) -> list[str]:
    if len(data) < _HEADER.size:
        raise NotCRFsuite(f"{path}: too short for a CRFsuite model")
    magic, _size, kind, _ver, _nf, _nl, n_attrs, _off_f, _off_l, off_attrs, _off_lr, _off_ar = _HEADER.unpack_from(data)
    if magic != b"lCRF" or kind != b"FOMC":
        raise NotCRFsuite(f"{path}: not a CRFsuite model ({magic!r}, {kind!r})")
    cmagic, _csize, _flag, order, bwd_size, bwd_offset = _CQDB.unpack_from(data, off_attrs)
    if cmagic != b"CQDB" or order != _CQDB_BYTEORDER or bwd_size != n_attrs:
        raise NotCRFsuite(f"{path}: its attribute chunk is not a CQDB of {n_attrs} keys")
    out: list[str] = []
    unpack = struct.unpack_from
    for rec in struct.unpack_from(f"<{bwd_size}I", data, off_attrs + bwd_offset):
        if not rec:  # an id without a key (CQDB leaves 0 there)
            out.append("")
            continue
        at = off_attrs + rec
        _id, ksize = unpack("<II", data, at)
        # (the key ends in a NUL; a key that is not UTF-8 stays as close as Rust's lossy reading would)
        out.append(data[at + 8:at + 8 + ksize - 1].decode("utf-8", "replace"))
    return out


@lru_cache(maxsize=4)
def by_template(path: str, template: tuple[str, ...]) -> tuple[dict[str, str], ...]:
    """For each template name (in order), the values it takes in the model's attributes, each
    mapped to the attribute string itself ("T[0]=đoàn" -> {"đoàn": "T[0]=đoàn"}): the feature of
    a template and a value is `tables[k].get(value)`, None when the model lacks it."""
    index = {name: k for k, name in enumerate(template)}
    tables: tuple[dict[str, str], ...] = tuple({} for _ in template)
    for a in attributes(path):
        name, eq, value = a.partition("=")
        k = index.get(name)
        if eq and k is not None:
            tables[k][value] = a
    return tables


class Weights:
    """A CRFsuite model's labels, attributes and weights as underthesea_core's loader keeps them
    (`ModelLoader::load_crfsuite`): labels and attributes numbered in the order first read (a key
    cut at its first NUL), a state weight dropped when |w| <= 1e-10, a later feature overriding an
    earlier one, the transitions an L x L matrix of zeros filled in."""

    def __init__(self, labels: list[str], attr_ids: dict[str, int], state: dict[tuple[int, int], float],
                 transitions: list[list[float]]):
        self.labels, self.attr_ids, self.state, self.transitions = labels, attr_ids, state, transitions


def _keys(data: bytes, off: int, count: int) -> list[str]:
    """The keys of the CQDB at `off`, in id order, as underthesea_core reads them (empty slots skipped)."""
    cmagic, _size, _flag, _order, bwd_size, bwd_offset = _CQDB.unpack_from(data, off)
    if cmagic != b"CQDB":
        raise NotCRFsuite("not a CQDB chunk")
    out = []
    for rec in struct.unpack_from(f"<{min(count, bwd_size)}I", data, off + bwd_offset):
        if rec:
            _id, ksize = struct.unpack_from("<II", data, off + rec)
            key = data[off + rec + 8:off + rec + 8 + ksize]
            out.append(key.split(b"\0", 1)[0].decode("utf-8", "replace"))
    return out


def weights(path: str) -> Weights:
    """The model at `path` as underthesea_core's tagger holds it (see Weights)."""
    with open(path, "rb") as f:
        data = f.read()
    try:
        magic, _size, kind, _ver, n_feat, n_labels, n_attrs, off_f, off_l, off_a, _r1, _r2 = _HEADER.unpack_from(data)
        if magic != b"lCRF":
            raise NotCRFsuite(f"{path}: not a CRFsuite model ({magic!r})")
        labels: dict[str, int] = {}
        for k in _keys(data, off_l, n_labels):
            labels.setdefault(k, len(labels))
        attr_ids: dict[str, int] = {}
        for k in _keys(data, off_a, n_attrs):
            attr_ids.setdefault(k, len(attr_ids))
        fmagic, _fsize, count = struct.unpack_from("<4sII", data, off_f)
        if fmagic != b"FEAT":
            raise NotCRFsuite(f"{path}: no FEAT chunk")
        L = len(labels)
        flat = [0.0] * (L * L)
        state: dict[tuple[int, int], float] = {}
        for kind_, src, dst, w in struct.iter_unpack("<IIId", data[off_f + 12:off_f + 12 + 20 * (count or n_feat)]):
            if kind_ == 0:
                if abs(w) > 1e-10:
                    state[src, dst] = w
                else:
                    state.pop((src, dst), None)
            elif kind_ == 1 and src * L + dst < L * L:
                flat[src * L + dst] = w
    except struct.error as e:
        raise NotCRFsuite(f"{path}: a truncated CRFsuite model ({e})") from None
    return Weights(list(labels), attr_ids, state, [flat[i * L:(i + 1) * L] for i in range(L)])
