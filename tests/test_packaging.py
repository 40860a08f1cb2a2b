"""The package metadata setuptools builds from pyproject.toml: no deprecation warnings on install."""
import warnings

from conftest import REPO


def test_pyproject_builds_without_setuptools_warnings_and_declares_an_spdx_license():
    from setuptools.config.pyprojecttoml import apply_configuration
    from setuptools.dist import Distribution

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        dist = apply_configuration(Distribution(), REPO / "pyproject.toml")
    assert [str(w.message).splitlines()[0] for w in caught] == []
    assert dist.metadata.license_expression == "MIT"
