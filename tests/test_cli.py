"""The `kb` command as a maintainer uses it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kb.cli import _github, main
from kb.diagnostics import Diagnostic, Loc

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini" / "content"


@pytest.mark.parametrize("command", [[], ["validate"], ["export"], ["stats"], ["recommend"]])
def test_every_command_has_help_with_exit_codes(command: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kb", *command, "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert "exit codes:" in result.stdout
    assert "usage: kb" in result.stdout


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in ("kb validate", "kb export", "kb stats", "kb recommend", "--strict"):
        assert command in readme


def test_validate_clean_content(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--strict", str(MINI)]) == 0
    assert capsys.readouterr().out == "kb: 0 errors, 0 warnings (16 valid entries)\n"


def test_a_missing_content_folder_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(tmp_path / "nergens")]) == 1
    assert "error: the content folder does not exist [kb.no-content]" in capsys.readouterr().out


def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["validate", "--nope"])
    assert exit_info.value.code == 2
    assert main([]) == 2


def test_stats(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", str(MINI)]) == 0
    counts = dict(line.split() for line in capsys.readouterr().out.splitlines())
    assert counts["knob"] == "2"
    assert counts["practice"] == "1"
    assert (counts["entries"], counts["links"], counts["orphans"]) == ("16", "36", "0")


def test_export_writes_the_pages_and_replaces_an_earlier_export(tmp_path: Path) -> None:
    out = tmp_path / "pages"
    assert main(["export", "--out", str(out), str(MINI)]) == 0
    assert (out / "knoppen" / "knop-een.md").is_file()
    (out / "knoppen" / "oud.md").write_text("stale")
    assert main(["export", "--out", str(out), str(MINI)]) == 0
    assert not (out / "knoppen" / "oud.md").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["pages"]


def test_export_refuses_to_replace_a_folder_it_did_not_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.txt").write_text("keep me")
    assert main(["export", "--out", str(tmp_path), str(MINI)]) == 1
    assert "refusing to replace" in capsys.readouterr().out
    assert (tmp_path / "notes.txt").read_text() == "keep me"


class _Terminal:
    """A stream that says it is a terminal, to see what a maintainer sees in one."""

    def __init__(self) -> None:
        self.text = ""

    def write(self, text: str) -> None:
        self.text += text

    def isatty(self) -> bool:
        return True


def test_diagnostics_are_coloured_in_a_terminal_only(monkeypatch: pytest.MonkeyPatch) -> None:
    from kb.cli import _report
    from kb.pipeline import check

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    result = check(ROOT / "tests" / "cases" / "invalid" / "self-reference" / "content", "content")
    terminal = _Terminal()
    _report(result, terminal)  # type: ignore[arg-type]
    assert "\033[31merror\033[0m: field `related[0]` refers to the entry itself" in terminal.text
    assert "\033[33mwarning\033[0m:" in terminal.text
    monkeypatch.setenv("NO_COLOR", "1")
    plain = _Terminal()
    _report(result, plain)  # type: ignore[arg-type]
    assert "\033[" not in plain.text


SELF_REFERENCE = ROOT / "tests" / "cases" / "invalid" / "self-reference"


def test_validate_github_annotations_are_exact(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(SELF_REFERENCE)
    assert main(["validate", "--format", "github", "content"]) == 1
    assert capsys.readouterr().out == (
        "::warning file=content/practices/praktijk-a.yml,line=1,col=1,title=kb.orphan::"
        "practice `praktijk-a` has no links to or from other entries%0Ahint: link it through "
        "`related`, `knobs`, `phases`, `sources` or another reference field, or link to it from "
        "another entry\n"
        "::error file=content/practices/praktijk-a.yml,line=3,col=11,title=kb.self-reference::"
        "field `related[0]` refers to the entry itself\n"
        "kb: 1 error, 1 warning (1 valid entry)\n"
    )


def test_validate_json_is_exact(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(SELF_REFERENCE)
    assert main(["validate", "--strict", "--format", "json", "content"]) == 1
    assert json.loads(capsys.readouterr().out) == {
        "diagnostics": [
            {
                "path": "content/practices/praktijk-a.yml",
                "line": 1,
                "column": 1,
                "severity": "warning",
                "code": "kb.orphan",
                "message": "practice `praktijk-a` has no links to or from other entries",
                "hint": "link it through `related`, `knobs`, `phases`, `sources` or another "
                "reference field, or link to it from another entry",
            },
            {
                "path": "content/practices/praktijk-a.yml",
                "line": 3,
                "column": 11,
                "severity": "error",
                "code": "kb.self-reference",
                "message": "field `related[0]` refers to the entry itself",
                "hint": "",
            },
        ],
        "errors": 1,
        "warnings": 1,
        "entries": 1,
    }


def test_github_annotations_escape_what_the_runner_would_misread() -> None:
    diagnostic = Diagnostic(
        loc=Loc("content/a,b:c.yml", 2, 3),
        code="kb.self-reference",
        message="50% klaar\r\nnog: iets",
    )
    assert _github(diagnostic) == (
        "::error file=content/a%2Cb%3Ac.yml,line=2,col=3,title=kb.self-reference::"
        "50%25 klaar%0D%0Anog: iets"
    )


def test_clean_content_as_json_has_no_diagnostics(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--format", "json", str(MINI)]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "diagnostics": [],
        "errors": 0,
        "warnings": 0,
        "entries": 16,
    }
