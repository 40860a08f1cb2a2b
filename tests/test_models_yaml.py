"""Every shipped YAML file reads the same through the C loader path as through PyYAML's
pure-Python SafeLoader (kehoach.models._yaml picks libyaml for speed)."""
from __future__ import annotations

import pytest
import yaml

from kehoach import models

FILES = sorted(p.name for p in models.MODELS_DIR.glob("*.yaml"))


@pytest.mark.parametrize("name", FILES)
def test_c_loader_reads_like_python_loader(name):
    text = models.path(name).read_text(encoding="utf-8")
    assert repr(models._yaml(text)) == repr(yaml.safe_load(text))


def test_there_are_yaml_models():
    assert {"topics.yaml", "frame.yaml", "observances.yaml"} <= set(FILES)
