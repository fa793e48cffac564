"""The `kb` command: the only place that reads argv, prints and chooses exit codes."""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
import typing
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from kb import __version__
from kb.diagnostics import Diagnostic, Severity
from kb.model import Audience
from kb.pipeline import Result, check
from kb.recommend import LEVELS, Answers, needs_from_scan, recommend
from kb.render import render_site
from kb.writer import WriteError, write_tree

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2

_EPILOG = """\
exit codes:
  0  no errors (and no warnings with --strict)
  1  the content has errors (or warnings with --strict), or the output could not be written
  2  the command line is wrong
"""


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    result = check(Path(args.content), display=args.content)
    code: int = args.run(args, result, sys.stdout)
    return code


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kb",
        description="Validate the toolbox content and generate the pages of the site.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"kb {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    validate = _command(commands, "validate", "check every entry and report all problems at once")
    validate.add_argument(
        "--strict", action="store_true", help="treat warnings as errors (exit 1 on warnings)"
    )
    validate.add_argument(
        "--format",
        choices=("text", "github", "json"),
        default="text",
        help="text for people; github for annotations in GitHub Actions; json for other tools",
    )
    validate.set_defaults(run=_validate)

    export = _command(commands, "export", "write the generated Markdown pages to a folder")
    export.add_argument(
        "--out", required=True, metavar="DIR", help="folder to write into (replaced as a whole)"
    )
    export.set_defaults(run=_export)

    stats = _command(commands, "stats", "count entries per kind, links and orphans")
    stats.set_defaults(run=_stats)

    advise = _command(commands, "recommend", "rank practices, tools, funding and guides")
    advise.add_argument("--phase", metavar="ID", help="the phase the team is in (any phase model)")
    advise.add_argument(
        "--knob",
        metavar="ID",
        action="append",
        default=[],
        help="a knob that needs work; repeat for more",
    )
    advise.add_argument(
        "--scan",
        metavar="ID=R,R,...",
        action="append",
        default=[],
        type=_scan,
        help="knob scan: the ratings (0 nog niet, 1 deels, 2 staat) of a knob's statements",
    )
    advise.add_argument("--role", action="append", default=[], choices=typing.get_args(Audience))
    advise.add_argument("--level", choices=sorted(LEVELS))
    advise.add_argument("--target-group", metavar="TEXT", help="e.g. ouderen, jeugd")
    advise.add_argument("--challenge", metavar="ID", help="a bottleneck the team is stuck on")
    advise.add_argument("--format", choices=("text", "json"), default="text")
    advise.set_defaults(run=_recommend)
    return parser


def _command(commands: argparse._SubParsersAction, name: str, text: str) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    command: argparse.ArgumentParser = commands.add_parser(
        name,
        help=text,
        description=text[0].upper() + text[1:] + ".",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.add_argument(
        "content",
        nargs="?",
        default="content",
        metavar="CONTENT",
        help="the content folder (default: content)",
    )
    return command


def _validate(args: argparse.Namespace, result: Result, out: TextIO) -> int:
    if args.format == "json":
        out.write(json.dumps(_as_json(result), ensure_ascii=False, indent=2) + "\n")
    elif args.format == "github":
        for diagnostic in result.diagnostics:
            out.write(_github(diagnostic) + "\n")
        _summary(result, out)
    else:
        _report(result, out)
    return EXIT_CONTENT if result.failed(strict=args.strict) else EXIT_OK


def _as_json(result: Result) -> dict[str, object]:
    return {
        "diagnostics": [
            {
                "path": d.loc.path,
                "line": d.loc.line,
                "column": d.loc.column,
                "severity": d.severity.value,
                "code": d.code,
                "message": d.message,
                "hint": d.hint,
            }
            for d in result.diagnostics
        ],
        "errors": len(result.errors),
        "warnings": len(result.warnings),
        "entries": len(result.graph.entries),
    }


def _github(diagnostic: Diagnostic) -> str:
    """A GitHub Actions workflow command, escaped as the runner expects."""

    def data(text: str) -> str:
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    def prop(text: str) -> str:
        return data(text).replace(":", "%3A").replace(",", "%2C")

    loc = diagnostic.loc
    message = (
        f"{diagnostic.message}\nhint: {diagnostic.hint}" if diagnostic.hint else diagnostic.message
    )
    return (
        f"::{diagnostic.severity.value} file={prop(loc.path)},line={loc.line},col={loc.column},"
        f"title={prop(diagnostic.code)}::{data(message)}"
    )


def _export(args: argparse.Namespace, result: Result, out: TextIO) -> int:
    if result.failed():
        _report(result, out)
        out.write("kb: nothing written because the content has errors\n")
        return EXIT_CONTENT
    pages = render_site(result.graph)
    try:
        write_tree(Path(args.out), pages)
    except WriteError as error:
        out.write(f"kb: {error}\n")
        return EXIT_CONTENT
    _report(result, out)
    out.write(f"kb: wrote {len(pages)} pages to {args.out}\n")
    return EXIT_OK


def _stats(args: argparse.Namespace, result: Result, out: TextIO) -> int:
    graph = result.graph
    per_kind = Counter(entry.kind.name for entry in graph.entries.values())
    orphans = sum(1 for d in result.warnings if d.code == "kb.orphan")
    width = max(len(kind) for kind in per_kind) if per_kind else 5
    for kind, count in sorted(per_kind.items()):
        out.write(f"{kind:<{width}}  {count:>6}\n")
    out.write(f"{'entries':<{width}}  {len(graph.entries):>6}\n")
    out.write(f"{'links':<{width}}  {len(graph.links):>6}\n")
    out.write(f"{'orphans':<{width}}  {orphans:>6}\n")
    if result.errors:
        out.write(f"kb: {len(result.errors)} errors; run `kb validate` to see them\n")
        return EXIT_CONTENT
    return EXIT_OK


def _recommend(args: argparse.Namespace, result: Result, out: TextIO) -> int:
    if result.failed():
        _report(result, out)
        return EXIT_CONTENT
    wrong = _wrong_answers(result, args)
    if wrong:
        sys.stderr.write(f"kb recommend: {wrong}\n")
        return EXIT_USAGE
    answers = Answers(
        needs={**needs_from_scan(dict(args.scan)), **dict.fromkeys(args.knob, 1.0)},
        phase=args.phase,
        roles=tuple(args.role),
        level=args.level,
        target_group=args.target_group,
        challenge=args.challenge,
    )
    advice = recommend(result.graph, answers)
    if args.format == "json":
        rows = [dataclasses.asdict(item) for item in advice]
        out.write(json.dumps(rows, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
        return EXIT_OK
    if not advice:
        out.write("Geen advies voor deze antwoorden; kies meer knoppen of laat de fase weg.\n")
    for item in advice:
        out.write(f"{item.score:6.3f}  {item.kind:<8}  {item.title} ({item.id})\n")
        out.write(f"        {'; '.join(item.reasons)}\n")
    return EXIT_OK


def _scan(text: str) -> tuple[str, list[int]]:
    knob, _, ratings = text.partition("=")
    try:
        values = [int(r) for r in ratings.split(",")]
    except ValueError:
        values = []
    if not knob or not values or any(v not in (0, 1, 2) for v in values):
        raise argparse.ArgumentTypeError(f"expected KNOB=R,R,... with ratings 0, 1 or 2: {text}")
    return knob, values


def _wrong_answers(result: Result, args: argparse.Namespace) -> str:
    if not args.knob and not args.scan:
        return "give at least one --knob or --scan"
    knobs = [*args.knob, *(knob for knob, _ in args.scan)]
    expected = [(args.phase, "phase")] + [(k, "knob") for k in knobs]
    expected.append((args.challenge, "challenge"))
    for entry_id, kind in expected:
        if entry_id is None:
            continue
        found = result.graph.entries.get(entry_id)
        if found is None or found.kind.name != kind:
            known = ", ".join(e.id for e in result.graph.of_kind(kind)[:8])
            return f"`{entry_id}` is not a {kind}; known {kind}s include: {known}"
    return ""


def _report(result: Result, out: TextIO) -> None:
    colour = _use_colour(out)
    for diagnostic in result.diagnostics:
        out.write(_paint(diagnostic, colour) + "\n")
    _summary(result, out)


def _summary(result: Result, out: TextIO) -> None:
    errors, warnings = len(result.errors), len(result.warnings)
    entries = len(result.graph.entries)
    out.write(
        f"kb: {errors} {_plural(errors, 'error')}, {warnings} {_plural(warnings, 'warning')}"
        f" ({entries} valid {_plural(entries, 'entry', 'entries')})\n"
    )


def _paint(diagnostic: Diagnostic, colour: bool) -> str:
    text = diagnostic.format()
    if not colour:
        return text
    tint = "\033[31m" if diagnostic.severity is Severity.ERROR else "\033[33m"
    word = diagnostic.severity.value
    return text.replace(f" {word}: ", f" {tint}{word}\033[0m: ", 1)


def _use_colour(out: TextIO) -> bool:
    return out.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def _plural(count: int, one: str, many: str | None = None) -> str:
    return one if count == 1 else (many or one + "s")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
