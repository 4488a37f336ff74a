"""`threadgraph eval`: score the extractor against gold annotations."""
from __future__ import annotations

import json
import sys

import click

DATASET_CHOICES = ["dwie", "redocred", "conll04", "seeds"]


@click.command(name="eval")
@click.argument("path", required=False, type=click.Path(exists=True, dir_okay=False))
@click.option("--dataset", "-d", type=click.Choice(DATASET_CHOICES), help="Format of PATH.")
@click.option("--limit", type=int, default=None, help="Score only the first N documents.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--no-relations", is_flag=True, help="Score entities only (skips the relation extractor).")
@click.option("--parser/--no-parser", default=False, show_default=True,
              help="Run the dependency parser in the entity pass (slower; NER does not need it).")
@click.option("--calibrate", is_flag=True,
              help="Regenerate the rule confidence table from the dev sets (graph.calibrate).")
def evaluate(path, dataset, limit, as_json, no_relations, parser, calibrate):
    """Score entities and relations in PATH against its gold annotations.

    \b
    Formats: dwie and redocred (DocRED JSON), conll04 (BILOU JSON), seeds (tests/gold/seeds.json).
    Matching is strict. A predicted mention is right when its character span and its type
    (Person, Organization, Place) equal a gold mention's; gold types with no counterpart
    (time, number, misc, role ...) are left out of the score. A predicted entity (after
    resolution) is right when its mentions hit one gold entity of its type. A predicted
    relation is right when its kind and the gold entities under both of its ends match a
    gold relation. See graph/evaluate/ for the label mappings.

    \b
    Examples:
      threadgraph eval --dataset dwie ../shared/eval/dwie/dev.json --limit 20
      threadgraph eval --dataset seeds tests/gold/seeds.json --json
    """
    if calibrate:
        try:
            from graph import calibrate as cal
        except ImportError:
            raise click.ClickException("calibration is not available: graph/calibrate.py is missing")
        entry = getattr(cal, "main", None)
        if entry is None:
            raise click.ClickException("graph.calibrate has no main() entry point")
        entry(limit=limit)  # --limit N: calibrate on the first N documents of each dev set
        return
    if path is None or dataset is None:
        raise click.UsageError("give --dataset and a PATH (or --calibrate)")
    from graph.evaluate import run

    try:
        result = run(dataset, path, limit=limit, relations=not no_relations, parser=parser)
    except ValueError as exc:
        raise click.ClickException(str(exc))
    if as_json:
        click.echo(json.dumps(result.to_dict(), indent=2, sort_keys=False))
        return
    print_result(result)


def print_result(result) -> None:
    from rich.console import Console
    from rich.table import Table

    out = Console()
    d = result.to_dict()
    head = f"{d['dataset']} · {d['path']} · {d['documents']} documents · {d['words']} words · {d['seconds']} s"
    for title, table, total in (("mentions (strict span + type)", d["mentions"], d["mentions_all"]),
                                ("mentions after resolution (entity's type; ambiguous dropped)",
                                 d["resolved_mentions"], None),
                                ("entities (resolved clusters)", d["entities"], None),
                                ("relations (strict kind + both ends)", d["relations"], d.get("relations_all")),
                                ("relations, ends matched through resolution (see graph/evaluate)",
                                 d.get("relations_resolved"), d.get("relations_resolved_all")),
                                ("relation rules (per prediction)", d["rules"], None)):
        if not table:
            continue
        t = Table(title=f"{title}\n{head}" if title.startswith("mentions (strict") else title)
        for col in ("type", "tp", "fp", "fn", "precision", "recall", "F1"):
            t.add_column(col, justify="left" if col == "type" else "right")
        for k, c in table.items():
            t.add_row(k, str(c["tp"]), str(c["fp"]), str(c["fn"]), f"{c['precision']:.3f}", f"{c['recall']:.3f}",
                      f"{c['f1']:.3f}")
        if total:
            t.add_row("all", str(total["tp"]), str(total["fp"]), str(total["fn"]), f"{total['precision']:.3f}",
                      f"{total['recall']:.3f}", f"{total['f1']:.3f}", style="bold")
        out.print(t)
    if d["ignored_gold_types"]:
        out.print("not scored (gold types with no counterpart): " +
                  ", ".join(f"{k} {v}" for k, v in d["ignored_gold_types"].items()), highlight=False)
    if d["ignored_relation_labels"]:
        top = sorted(d["ignored_relation_labels"].items(), key=lambda kv: -kv[1])[:12]
        out.print("relation labels not scored: " + ", ".join(f"{k} {v}" for k, v in top)
                  + (" ..." if len(d["ignored_relation_labels"]) > 12 else ""), highlight=False)
    if d["relation_kinds_not_scored"]:
        out.print(f"relation kinds not scored on {d['dataset']} (it has no gold labels for them; predictions "
                  "left out): " + ", ".join(f"{k} ({v} predicted)" for k, v in d["relation_kinds_not_scored"].items()),
                  highlight=False, soft_wrap=True)
    for note in d["notes"]:
        out.print(f"note: {note}", highlight=False)
    sys.stdout.flush()
