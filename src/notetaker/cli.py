"""The `notetaker` command: serve the app, manage the database schema."""

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from pydantic import ValidationError

from notetaker.core.config import get_settings, shown_settings
from notetaker.core.logging import configure_logging


def _serve(args: argparse.Namespace) -> None:
    from notetaker.server import serve

    settings = get_settings()
    serve(
        host=args.host or settings.host,
        port=settings.port if args.port is None else args.port,
        workers=settings.workers if args.workers is None else args.workers,
        migrate=not args.no_migrate,
    )


# Imported by the commands that use them: `serve` keeps its supervising process
# free of the database libraries (see notetaker.server).
def _migrate(args: argparse.Namespace) -> None:
    from notetaker.db import migrations

    migrations.upgrade(get_settings(), args.revision)


def _downgrade(args: argparse.Namespace) -> None:
    from notetaker.db import migrations

    migrations.downgrade(get_settings(), args.revision)


def _eval(args: argparse.Namespace) -> None:
    from notetaker.evaluation.run import run

    print(run(args.corpora, args.report))


def _config(_args: argparse.Namespace) -> None:
    for name, value in shown_settings(get_settings()).items():
        print(f"NOTETAKER_{name.upper()}={value}")


def _openapi(_args: argparse.Namespace) -> None:
    from notetaker.app import create_app

    print(json.dumps(create_app().openapi(), indent=2, sort_keys=True))


def _whole_number(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: the same bounds as the setting the flag overrides."""

    def parse(text: str) -> int:
        try:
            number = int(text)
        except ValueError:
            number = None
        if number is None or not low <= number <= high:
            raise argparse.ArgumentTypeError(f"must be a whole number {low}-{high}")
        return number

    return parse


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="notetaker", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="apply migrations, then serve the app")
    serve.add_argument("--host")
    serve.add_argument("--port", type=_whole_number(1, 65535))
    serve.add_argument("--workers", type=_whole_number(1, 64))
    serve.add_argument("--no-migrate", action="store_true")
    serve.set_defaults(run=_serve)

    migrate = commands.add_parser("migrate", help="upgrade the database schema")
    migrate.add_argument("revision", nargs="?", default="head")
    migrate.set_defaults(run=_migrate)

    downgrade = commands.add_parser("downgrade", help="downgrade the schema")
    downgrade.add_argument("revision", help="target revision, e.g. -1 or base")
    downgrade.set_defaults(run=_downgrade)

    evaluate = commands.add_parser(
        "eval", help="measure the built-in engine on the third-party corpora"
    )
    evaluate.add_argument("--corpora", type=Path, default=Path("../shared/corpora"))
    evaluate.add_argument("--report", type=Path, default=Path("docs/eval.md"))
    evaluate.set_defaults(run=_eval)

    config = commands.add_parser("config", help="print the settings in effect")
    config.set_defaults(run=_config)

    openapi = commands.add_parser("openapi", help="print the OpenAPI schema as JSON")
    openapi.set_defaults(run=_openapi)
    return parser


def main(argv: list[str] | None = None) -> None:
    args = _parser().parse_args(argv)
    try:
        settings = get_settings()
    except ValidationError as error:
        sys.exit(_bad_settings(error))
    configure_logging(settings.log_level)
    args.run(args)


def _bad_settings(error: ValidationError) -> str:
    """Each wrong setting by the name it is set under, without a stack trace.
    The value is not repeated: it may be a secret."""
    lines = ["notetaker: some settings are not valid:"]
    for problem in error.errors():
        name = "NOTETAKER_" + "_".join(str(part) for part in problem["loc"]).upper()
        lines.append(f"  {name}: {problem['msg']}")
    return "\n".join(lines)


if __name__ == "__main__":
    main(sys.argv[1:])
