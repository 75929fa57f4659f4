"""The README's quick start and CI run the same test command."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _quick_start() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Quick start\s+```bash\n(.*?)```", readme, re.S)
    assert block, "the README has a Quick start code block"
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_quick_start_is_two_commands() -> None:
    commands = _quick_start()
    assert len(commands) == 2
    assert "diplomacy-ner extract --sample" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert _quick_start()[1] in [line.strip() for line in ci]


def test_ci_installs_chromium_before_the_tests_so_browser_tests_run() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    install = ci.find("apt-get install")
    assert install != -1 and "chromium" in ci[install : ci.find("\n", install)]
    assert "command -v chromium" in ci  # skipped when a Chromium is already there
    assert install < ci.find(_quick_start()[1])


def test_every_command_and_option_of_the_readme_synopsis_is_in_its_help() -> None:
    from typer.testing import CliRunner

    from diplomacy_ner import cli

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Command line\s+```\n(.*?)```", readme, re.S)
    assert block, "the README has a command synopsis"
    runner = CliRunner()
    for line in block.group(1).splitlines():
        words = line.split()
        command = [w for w in words[1:3] if re.fullmatch(r"[a-z][a-z-]*", w)]
        command = command[:2] if command and command[0] == "kb" else command[:1]
        result = runner.invoke(cli.app, [*command, "--help"], env={"COLUMNS": "200"})
        assert result.exit_code == 0, line
        for option in re.findall(r"--[a-z][a-z-]*", line):
            assert option in result.output, f"{option} of `{line}` is not in --help"
