"""Bad input, as data files: each folder in cases/invalid/ holds a `content/` tree, the exact
output `kb validate` must print (`expected.txt`) and optionally extra arguments (`args`).

Set KB_UPDATE_CASES=1 to rewrite the expected files after a deliberate change of wording.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kb.cli import main

CASES = sorted((Path(__file__).parent / "cases" / "invalid").iterdir())
# Cases with errors; the others hold only warnings, which fail `validate --strict` alone.
ERROR_CASES = [case for case in CASES if not (case / "args").exists()]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_invalid_content_gets_exact_located_diagnostics(
    case: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(case)
    args = (case / "args").read_text().split() if (case / "args").exists() else []
    code = main(["validate", *args])
    output = capsys.readouterr().out
    expected_file = case / "expected.txt"
    if os.environ.get("KB_UPDATE_CASES"):
        expected_file.write_text(output)
    assert output == expected_file.read_text()
    assert code == 1
    assert "Traceback" not in output


@pytest.mark.parametrize("case", ERROR_CASES, ids=[case.name for case in ERROR_CASES])
def test_invalid_content_writes_nothing(
    case: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(case)
    out = tmp_path / "export"
    assert main(["export", "--out", str(out)]) == 1
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_python_tag_is_never_constructed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(Path(__file__).parent / "cases" / "invalid" / "python-tag")
    main(["validate"])
    assert not Path("/tmp/kb-pwned").exists()
