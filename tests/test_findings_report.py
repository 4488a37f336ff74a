"""Findings for a reader: the chain leads to quotes, the report reads on its own, decisions stick."""
from __future__ import annotations

import logging
import re
from pathlib import Path

from click.testing import CliRunner
from rdflib import RDF, Graph, URIRef

from graph import findings as report
from graph import infer
from graph.commands.findings import findings as findings_cmd
from graph.infer import TG

DATA = Path(__file__).parent / "data" / "findings"
FIXTURES = ("relative", "partner", "revolving", "ownership", "advocacy", "stated")
OA = infer.Namespace("http://www.w3.org/ns/oa#")
SIOC = infer.Namespace("http://rdfs.org/sioc/ns#")


def built(*names: str) -> Graph:
    g = Graph()
    for n in names or FIXTURES:
        g.parse(DATA / f"{n}.ttl", format="turtle")
    infer.add_findings(g)
    return g


def by_official(g: Graph, who: str, rule: str | None = None) -> URIRef:
    return next(f for f in g.subjects(RDF.type, TG.ConflictOfInterest)
                if infer.label(g, g.value(f, TG.official)) == who and (rule is None or str(g.value(f, TG.rule)) == rule))


def test_every_step_of_every_chain_leads_to_a_quote_in_a_message():
    g = built()
    for f in g.subjects(RDF.type, TG.ConflictOfInterest):
        steps = list(g.objects(f, TG.step))
        assert steps
        for s in steps:
            a = g.value(s, TG.assertion)
            msg = g.value(a, infer.PROV.wasDerivedFrom)
            text = str(g.value(msg, SIOC.content))
            sels = list(g.objects(a, OA.hasSelector))
            start = next(int(g.value(x, OA.start)) for x in sels if g.value(x, OA.start) is not None)
            end = next(int(g.value(x, OA.end)) for x in sels if g.value(x, OA.end) is not None)
            exact = next(str(g.value(x, OA.exact)) for x in sels if g.value(x, OA.exact) is not None)
            assert text[start:end] == exact


def test_explanation_says_who_duty_counterparty_connection_and_contract():
    g = built("relative")
    text = str(g.value(by_official(g, "Olivia Brandt"), TG.explanation))
    for part in ("Olivia Brandt", "Chief Inspector of Prisons", "Castlegate Custodial Services",
                 "married to Martin Brandt", "Managing Director", "preferred bidder", "the prison escort contract"):
        assert part in text
    assert "\n" not in text  # one paragraph


def test_explanation_of_a_partner_finding_names_the_partner_and_the_sector_link():
    g = built("partner")
    text = str(g.value(by_official(g, "Hugo Marsh"), TG.explanation))
    assert "Willowbrook Trust is a partner of Meridian Care Group" in text
    assert "falls within the remit of Chief Inspector of Care Homes" in text


def test_report_lists_stated_then_inferred_strongest_first_with_quotes(tmp_path):
    g = built()
    path = report.write_report(g, tmp_path / "findings.md")
    md = path.read_text(encoding="utf-8")
    assert md.index("## Stated in the text") < md.index("## Inferred from the graph")
    inferred = md[md.index("## Inferred from the graph"):]
    confs = [float(c) for c in re.findall(r"Confidence \*\*([0-9.]+)\*\*", inferred)]
    assert len(confs) >= 10 and confs == sorted(confs, reverse=True)
    # the evidence: the quote in bold inside its sentence, and where it was said
    assert "> **Olivia Brandt, the Chief Inspector of Prisons, is married to Martin Brandt**." in md
    assert "comment c1 by watcher, 2031-03-01T10:00:00" in md
    assert "thread “Who inspects the prison escort bidders?”" in md


def test_report_reads_without_the_graph_no_iris_but_finding_ids():
    md = report.render_report(built())
    assert "https://" not in md
    assert "id:" not in md.replace("· id `", "")
    assert re.search(r"id `finding-[0-9a-f]{16}`", md)


def test_empty_graph_report_says_nothing_was_found():
    g = Graph()
    infer.add_findings(g)
    assert "No conflicts of interest were found." in report.render_report(g)


def write_decisions(path: Path, entries: list[tuple[str, str, str]]) -> Path:
    body = "".join(f'[[finding]]\nid = "{i}"\ndecision = "{d}"\nnote = "{n}"\n\n' for i, d, n in entries)
    path.write_text(body, encoding="utf-8")
    return path


def test_decisions_confirm_and_dismiss_findings_and_unknown_ids_are_reported(tmp_path, caplog):
    g = built("revolving")
    venn = report.short_id(by_official(g, "Sara Venn"))
    bell = report.short_id(by_official(g, "Rhys Bell"))
    decisions = write_decisions(tmp_path / "decisions.toml", [
        (venn, "confirmed", "checked the register"), (bell, "dismissed", "water is not rail"),
        ("finding-0000000000000000", "dismissed", "stale")])
    g2 = Graph()
    g2.parse(DATA / "revolving.ttl")
    with caplog.at_level(logging.WARNING, logger="threadgraph.infer"):
        made = infer.add_findings(g2, decisions=decisions)
    assert len(made) == 3  # dismissed findings stay in the graph
    status = {report.short_id(f): str(g2.value(f, TG.reviewStatus)) for f in made}
    assert status[venn] == "confirmed" and status[bell] == "dismissed"
    assert "finding-0000000000000000" in caplog.text
    assert str(g2.value(by_official(g2, "Rhys Bell"), TG.reviewNote)) == "water is not rail"

    md = report.render_report(g2)
    dismissed = md[md.index("## Dismissed by a reviewer"):]
    assert bell in dismissed and "water is not rail" in dismissed
    assert bell not in md[:md.index("## Dismissed by a reviewer")]
    # confirmed comes first whatever its confidence
    first = re.search(r"id `(finding-[0-9a-f]{16})`", md).group(1)
    assert first == venn


def test_a_later_decision_overrides_an_earlier_one_and_bad_entries_are_skipped(tmp_path):
    g = built("revolving")
    venn = report.short_id(by_official(g, "Sara Venn"))
    path = write_decisions(tmp_path / "d.toml", [(venn, "dismissed", "first look"), (venn, "confirmed", "second look"),
                                                 ("not-an-id", "dismissed", "")])
    decisions, problems = infer.read_decisions(path)
    assert decisions[venn].decision == "confirmed" and decisions[venn].note == "second look"
    assert len(problems) == 1


def test_cli_prints_the_report_and_records_decisions_that_later_runs_respect(tmp_path):
    runner = CliRunner()
    graph_file = str(DATA / "advocacy.ttl")
    decisions = tmp_path / "decisions.toml"
    res = runner.invoke(findings_cmd, ["--graph", graph_file, "--decisions", str(decisions)])
    assert res.exit_code == 0, res.output
    assert "Gwen Ashby" in res.output and "## Inferred from the graph" in res.output
    fid = re.search(r"Gwen Ashby — paid advocacy — Halden Energy\n\nConfidence \*\*[0-9.]+\*\* · status \*\*candidate\*\* .* id `(finding-[0-9a-f]{16})`",
                    res.output).group(1)

    res = runner.invoke(findings_cmd, ["--graph", graph_file, "--decisions", str(decisions), "dismiss", fid,
                                       "--note", "a \"quoted\" reason, ünïcode"])
    assert res.exit_code == 0, res.output
    import tomllib
    assert tomllib.loads(decisions.read_text())["finding"][0]["note"] == 'a "quoted" reason, ünïcode'

    res = runner.invoke(findings_cmd, ["--graph", graph_file, "--decisions", str(decisions)])
    assert res.exit_code == 0
    assert "## Dismissed by a reviewer" in res.output
    assert fid in res.output[res.output.index("## Dismissed by a reviewer"):]

    res = runner.invoke(findings_cmd, ["--graph", graph_file, "--decisions", str(decisions), "confirm",
                                       "finding-ffffffffffffffff"])
    assert res.exit_code != 0 and "not a finding" in res.output


def test_cli_on_a_build_folder_refreshes_findings_md(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    g = Graph()
    g.parse(DATA / "stated.ttl")
    g.serialize(out / "graph.ttl", format="turtle")
    res = CliRunner().invoke(findings_cmd, ["--out", str(out), "--decisions", str(tmp_path / "none.toml")])
    assert res.exit_code == 0, res.output
    assert "Wendy Hale" in (out / "findings.md").read_text(encoding="utf-8")
    res = CliRunner().invoke(findings_cmd, ["--out", str(tmp_path / "missing")])
    assert res.exit_code != 0 and "threadgraph build" in res.output
