"""graph/html.py without a browser: what the page embeds, how evidence is cut, layout, views, CLI."""
from __future__ import annotations

import importlib
import json
import re
import sys
import types

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from graph import html
from test_html_graphs import EMOJI, HOSTILE, project, sample


@pytest.fixture(scope="module")
def built():
    g, ids = sample()
    G = project(g)
    data, vis_nodes, vis_edges = html.page_data(g, G)
    return g, G, ids, data, vis_nodes, vis_edges


@pytest.fixture(scope="module")
def page(built):
    g, G, *_ = built
    return html.render_html(g, G)


def embedded(page_text: str) -> dict:
    m = re.search(r'<script type="application/json" id="tg-data">(.*?)</script>', page_text, re.S)
    return json.loads(m.group(1))


def test_page_is_self_contained_nothing_loads_from_elsewhere(page):
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert not re.search(r"<script[^>]*\bsrc\s*=", page, re.I)
    assert not re.search(r"<link\b", page, re.I)
    assert "@import" not in page
    assert "vis.Network" in page and "DataSet" in page  # vis-network itself is inline


def test_thread_text_cannot_close_the_script_or_open_markup(page):
    # the hostile comment is in the data, but never as markup
    assert "<script>window.pwned" not in page
    assert "<img src=x" not in page
    soup = BeautifulSoup(page, "html.parser")
    assert len(soup.find_all("script")) == 4  # vis-network, data, network, page behaviour
    assert soup.find("img") is None and soup.find("b") is None
    data = embedded(page)
    sentences = [a["before"] + a["quote"] + a["after"] for a in data["assertions"].values()]
    assert HOSTILE in sentences
    authors = {a["author"] for a in data["assertions"].values()}
    assert "<b>night owl</b>" in authors


def test_safe_json_round_trips_and_escapes_script_breakers():
    tricky = {"t": "</script><!-- & \u2028 <b>", "n": [1, 2.5, None]}
    s = html.safe_json(tricky)
    assert "<" not in s and ">" not in s and "&" not in s
    assert json.loads(s) == tricky


def test_evidence_is_cut_in_code_points_around_the_quoted_span(built):
    *_, ids, data, _, _ = built
    a = data["assertions"][ids["a_dir"]]
    assert a["quote"] == "Osric Vantablack is a director of Brindlecombe Holdings"
    assert a["before"] == "\U0001F98A\U0001F98A "  # two astral characters: 4 UTF-16 units, 2 code points
    assert a["before"] + a["quote"] + a["after"] == EMOJI[: EMOJI.index("?") + 1]
    assert (a["author"], a["created"], a["message"], a["status"]) == ("Pip", "2031-05-03T08:00:00", "c1.1", "questioned")
    assert a["details"] == [["role", "director"]]
    assert a["thread"] == "Lantern contract row deepens"


def test_split_evidence_falls_back_to_the_quote_selector_when_offsets_do_not_fit():
    sentence = "First Ada Brook said no. Then Ada Brook said yes."
    # offsets into some other text: the prefix picks the second occurrence
    assert html.split_evidence(sentence, "", None, None, "Ada Brook", prefix="no. Then ") == (
        "First Ada Brook said no. Then ", "Ada Brook", " said yes.")
    assert html.split_evidence(sentence, "unrelated", 0, 3, "Nobody") == (sentence + " … ", "Nobody", "")


def test_nodes_carry_type_style_degree_size_and_positions(built):
    g, G, ids, data, vis_nodes, _ = built
    by_id = {n["id"]: n for n in vis_nodes}
    assert len(vis_nodes) == G.number_of_nodes()
    cats = {data["nodes"][ids[k]]["category"] for k in ("marta",)}
    assert cats == {"person"}
    assert data["nodes"][ids["dept"]]["category"] == "public body"
    assert data["nodes"][ids["brindle"]]["category"] == "company"
    assert data["nodes"][ids["gild"]]["category"] == "union/charity"
    assert data["nodes"][ids["contract"]]["category"] == "contract"
    shapes = {by_id[ids[k]]["shape"] for k in ("marta", "dept", "brindle", "contract")}
    assert len(shapes) == 4
    assert by_id[ids["brindle"]]["size"] > by_id[ids["lonely"]]["size"]  # degree 5 vs 0
    assert by_id[ids["marta"]]["label"] == "Marta Quillfeather"
    assert data["nodes"][ids["marta"]]["aliases"] == ["Ms Quillfeather", "Quillfeather"]
    xy = {(n["x"], n["y"]) for n in vis_nodes}
    assert len(xy) == len(vis_nodes)


def test_edges_are_coloured_by_kind_dashed_when_doubtful_and_findings_stand_out(built):
    g, G, ids, data, _, vis_edges = built
    assert len(vis_edges) == G.number_of_edges()
    meta = data["edges"]
    by_kind = {meta[e["id"]]["kind"]: e for e in vis_edges}
    assert by_kind["family"]["dashes"] and by_kind["post"]["color"]["color"] != by_kind["family"]["color"]["color"]
    assert "dashes" not in by_kind["bid"]
    assert by_kind["owned_by"]["dashes"] and by_kind["owned_by"]["color"]["opacity"] < 1  # denied
    coi = by_kind["conflict_of_interest"]
    assert coi["width"] > max(e.get("width", 1) for e in vis_edges if e is not coi)
    fid = meta[coi["id"]]["finding"]
    assert fid == ids["finding"]
    (finding,) = data["findings"]
    assert finding["edge"] == coi["id"]
    assert finding["steps"][1:3] == [ids["a_spouse"], ids["a_dir"]]  # ordered as tg:order says
    assert "<i>Osric" in finding["explanation"]  # kept as text; the page shows it with textContent
    assert finding["parties"]["connector"]["label"] == "Osric Vantablack"
    assert all(a in data["assertions"] for a in finding["steps"])


def test_layout_is_deterministic_and_separates_components(built):
    _, G, ids, *_ = built
    a, b = html.layout(G), html.layout(G)
    assert a == b and set(a) == set(G.nodes)
    lonely = a[ids["lonely"]]
    others = [p for n, p in a.items() if n != ids["lonely"]]
    assert min(abs(lonely[0] - x) + abs(lonely[1] - y) for x, y in others) > 40


def test_find_entity_by_any_name_in_any_case(built):
    _, G, ids, *_ = built
    assert html.find_entity(G, "ms quillfeather") == ids["marta"]
    assert html.find_entity(G, "DoL") == ids["dept"]
    assert html.find_entity(G, "gildmoor") == ids["gild"]  # a unique partial match
    with pytest.raises(LookupError, match="matches 2 entities"):
        html.find_entity(G, "of")
    with pytest.raises(LookupError, match="no entity"):
        html.find_entity(G, "Nobody Atall")


def test_subview_keeps_the_focus_neighbourhood_and_confident_links(built):
    _, G, ids, *_ = built
    one = html.subview(G, focus=ids["osric"], hops=1)
    assert set(one.nodes) == {ids["osric"], ids["marta"], ids["brindle"]}
    two = html.subview(G, focus=ids["osric"], hops=2)
    assert {ids["dept"], ids["contract"], ids["gild"]} <= set(two.nodes)
    assert ids["lonely"] not in two
    sure = html.subview(G, min_confidence=0.6)
    assert ids["gild"] not in sure  # only link is a denied 0.3
    assert ids["lonely"] in sure  # had no links to lose
    assert all(d.get("confidence", 1) >= 0.6 for *_, d in sure.edges(data=True))


@pytest.fixture
def network_module(monkeypatch):
    """graph.network.project, or (until the rdf stage provides it) the README's minimal projection."""
    try:
        return importlib.import_module("graph.network")
    except ImportError:
        fake = types.ModuleType("graph.network")
        fake.project = project
        monkeypatch.setitem(sys.modules, "graph.network", fake)
        return fake


def test_cli_writes_a_focused_view_beside_the_graph(tmp_path, network_module):
    from graph.commands.html import html as command

    g, ids = sample()
    ttl = tmp_path / "graph.ttl"
    g.serialize(ttl, format="turtle")
    r = CliRunner().invoke(command, ["--graph", str(ttl), "--focus", "ms quillfeather", "--hops", "1"])
    assert r.exit_code == 0, r.output
    out = tmp_path / "graph-marta-quillfeather-1hop.html"
    assert out.exists()
    data = embedded(out.read_text(encoding="utf-8"))
    full = network_module.project(g)
    assert ids["marta"] in data["nodes"] and ids["gild"] not in data["nodes"]
    assert len(data["nodes"]) < full.number_of_nodes()

    r = CliRunner().invoke(command, ["--graph", str(ttl), "--min-confidence", "0.6", "--out", str(tmp_path / "v.html")])
    assert r.exit_code == 0, r.output
    data = embedded((tmp_path / "v.html").read_text(encoding="utf-8"))
    assert all((e["confidence"] or 0) >= 0.6 for e in data["edges"].values())

    r = CliRunner().invoke(command, ["--graph", str(ttl), "--focus", "Nobody Atall"])
    assert r.exit_code != 0 and "no entity" in r.output


def test_an_empty_graph_still_gives_a_working_page(tmp_path):
    import networkx as nx
    from rdflib import Graph

    path = html.write_html(Graph(), nx.MultiDiGraph(), tmp_path / "empty.html")
    data = embedded(path.read_text(encoding="utf-8"))
    assert data["nodes"] == {} and data["edges"] == {} and data["findings"] == []


def test_an_entity_lists_where_it_is_named_with_the_name_highlighted(built):
    *_, ids, data, _, _ = built
    seen = data["nodes"][ids["marta"]]["seen"]
    assert {m["message"] for m in seen} == {"post", "c1"}
    assert {m["quote"] for m in seen} == {"Marta Quillfeather"}
    hostile = next(m for m in seen if m["message"] == "c1")
    assert hostile["author"] == "<b>night owl</b>"
    assert (hostile["before"] + hostile["quote"] + hostile["after"]).strip("\u2026") in HOSTILE
    assert data["nodes"][ids["lonely"]]["seen"] == []


def test_markup_in_entity_names_stays_inside_the_data():
    from test_html_graphs import Builder

    b = Builder()
    b.add_thread("t", "T", "Plain post.")
    evil = b.person("</script><script>window.pwned = 3</script>", "<!-- Evil Alias")
    G = project(b.g)
    page_text = html.render_html(b.g, G)
    soup = BeautifulSoup(page_text, "html.parser")
    assert len(soup.find_all("script")) == 4
    assert "window.pwned = 3</script>" not in page_text and "<!-- Evil" not in page_text
    assert embedded(page_text)["nodes"][str(evil)]["aliases"] == ["<!-- Evil Alias"]


def test_the_same_graph_gives_the_same_page_byte_for_byte(built, page):
    g, G, *_ = built
    assert html.render_html(g, G) == page
