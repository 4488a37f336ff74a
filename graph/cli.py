"""The `threadgraph` command line.

Each subcommand lives in graph/commands/<name>.py and is imported only when it runs,
so `threadgraph query` does not pay for loading spaCy.
"""
from __future__ import annotations

import importlib

import click

# command name -> "module:attribute"
COMMANDS = {
    "build": "graph.commands.build:build",
    "validate": "graph.commands.validate:validate",
    "eval": "graph.commands.evaluate:evaluate",
    "findings": "graph.commands.findings:findings",
    "query": "graph.commands.query:query",
    "serve": "graph.commands.serve:serve",
    "push": "graph.commands.push:push",
    "html": "graph.commands.html:html",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module, attr = target.split(":")
        return getattr(importlib.import_module(module), attr)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="threadgraph")
def main() -> None:
    """threadgraph: turn discussion threads into an evidence-backed knowledge graph.

    Start with `threadgraph build seeds --out out`, then open out/graph.html,
    read out/findings.md, or ask `threadgraph query --name posts`.
    """


if __name__ == "__main__":
    main()
