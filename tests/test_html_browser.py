"""graph.html in a real headless Chromium (Debian's chromium + chromium-driver, driven by Selenium):
offline, no console errors, everything drawn, search, evidence on click, filters, focus, and
thread text that never runs."""
from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from pathlib import Path

import pytest

from graph import html
from test_html_graphs import HOSTILE, large, project, sample

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


@pytest.fixture(scope="module")
def driver():
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not os.access(p, os.X_OK)]
    if missing:
        pytest.skip(f"browser tests need {' and '.join(missing)} (Debian packages chromium, chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="tg-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
                "--window-size=1400,900", f"--user-data-dir={profile}"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    # An explicit chromedriver path: Selenium Manager never downloads anything.
    d = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=opts)
    yield d
    d.quit()
    shutil.rmtree(profile, ignore_errors=True)


def open_page(driver, path: Path, timeout: float = 30.0):
    """Load the page; return (console entries, URLs the page requested, seconds until ready)."""
    driver.get_log("browser")
    driver.get_log("performance")  # drain what the browser did before this page
    t0 = time.perf_counter()
    driver.get(path.resolve().as_uri())
    while driver.execute_script("return document.body && document.body.dataset.ready") != "1":
        assert time.perf_counter() - t0 < timeout, "page never became ready"
        time.sleep(0.05)
    seconds = time.perf_counter() - t0
    console = driver.get_log("browser")
    urls = []
    for entry in driver.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg["method"] == "Network.requestWillBeSent":
            url, doc = msg["params"]["request"]["url"], msg["params"].get("documentURL", "")
            # what the page (or anything it opened) asked for, and any request to the network at all;
            # the browser's own chrome:// new-tab page, loading in the background, is neither
            if doc.startswith("file:") or not url.startswith(("chrome:", "chrome-extension:", "chrome-untrusted:")):
                urls.append(url)
    return console, urls, seconds


def js(driver, script: str, *args):
    return driver.execute_script(script, *args)


def click_node(driver, node_id: str):
    from selenium.webdriver.common.action_chains import ActionChains

    box = driver.find_element("id", "mynetwork")
    x, y = js(driver, "var n = window.threadgraph.network, p = n.getPositions([arguments[0]])[arguments[0]];"
                      "var d = n.canvasToDOM(p); return [d.x, d.y];", node_id)
    w, h = box.size["width"], box.size["height"]
    ActionChains(driver).move_to_element_with_offset(box, int(x - w / 2), int(y - h / 2)).click().perform()


def click_edge(driver, edge_id: str):
    from selenium.webdriver.common.action_chains import ActionChains

    box = driver.find_element("id", "mynetwork")
    x, y = js(driver, "var n = window.threadgraph.network, e = n.body.edges[arguments[0]];"
                      "var d = n.canvasToDOM(e.edgeType.getPoint(0.5)); return [d.x, d.y];", edge_id)
    w, h = box.size["width"], box.size["height"]
    ActionChains(driver).move_to_element_with_offset(box, int(x - w / 2), int(y - h / 2)).click().perform()


def panel_title(driver) -> str:
    return driver.find_element("css selector", "#panel h1").text


@pytest.fixture(scope="module")
def sample_page(tmp_path_factory):
    g, ids = sample()
    G = project(g)
    path = html.write_html(g, G, tmp_path_factory.mktemp("html") / "graph.html")
    return path, G, ids


@pytest.fixture
def fresh(driver, sample_page):
    path, G, ids = sample_page
    console, urls, _ = open_page(driver, path)
    return driver, G, ids, console, urls, path


def test_opens_offline_with_no_console_errors_and_no_requests(fresh):
    driver, G, ids, console, urls, path = fresh
    assert [e for e in console if e["level"] in ("SEVERE", "WARNING")] == []
    assert urls and all(u == path.resolve().as_uri() or u.startswith("data:") for u in urls), urls
    assert js(driver, "return window.pwned") is None


def test_draws_every_node_and_edge_of_the_graph(fresh):
    driver, G, *_ = fresh
    drawn = js(driver, "return window.threadgraph.drawnCounts()")
    assert drawn == {"nodes": G.number_of_nodes(), "edges": G.number_of_edges()}
    assert driver.find_element("id", "counts").text.startswith(f"{G.number_of_nodes()} of {G.number_of_nodes()} entities")
    legend = driver.find_element("id", "type-filters").text
    for name in ("Person", "Company", "Public body", "Union / charity", "Contract"):
        assert name in legend


def test_search_by_an_alias_selects_the_entity(fresh):
    from selenium.webdriver.common.keys import Keys

    driver, G, ids, *_ = fresh
    box = driver.find_element("id", "search")
    box.send_keys("ms quillfeather", Keys.ENTER)
    assert js(driver, "return window.threadgraph.network.getSelectedNodes()") == [ids["marta"]]
    assert panel_title(driver) == "Marta Quillfeather"
    box.clear()
    box.send_keys("no such person", Keys.ENTER)
    assert "No entity" in driver.find_element("id", "search-status").text


def test_clicking_a_node_shows_its_evidence_as_text_and_scripts_never_run(fresh):
    driver, G, ids, *_ = fresh
    click_node(driver, ids["osric"])
    assert panel_title(driver) == "Osric Vantablack"
    marks = [m.text for m in driver.find_elements("css selector", "#panel .evidence mark")]
    assert "Marta Quillfeather is married to Osric Vantablack" in marks
    # two astral characters before the quote: the highlight still starts at the name
    assert "Osric Vantablack is a director of Brindlecombe Holdings" in marks
    quotes = [q.get_attribute("textContent") for q in driver.find_elements("css selector", "#panel blockquote")]
    assert HOSTILE in quotes  # the <script> and <img> show as text...
    assert driver.find_elements("css selector", "#panel script, #panel img, #panel b") == []
    assert js(driver, "return window.pwned") is None  # ...and never run
    meta = driver.find_element("id", "panel").text
    assert "<b>night owl</b>, 2031-05-02T21:15:00" in meta
    assert "hedged" in meta and "questioned" in meta and "confidence 0.70" in meta


def test_clicking_a_link_shows_the_fact_and_its_quoted_evidence(fresh):
    driver, G, ids, *_ = fresh
    (eid,) = js(driver, "var E = window.threadgraph.data.edges; return Object.keys(E).filter("
                        "function (k) { return E[k].kind === 'owned_by'; });")
    click_edge(driver, eid)
    assert js(driver, "return window.threadgraph.selected()") == {"type": "edge", "id": eid}
    assert panel_title(driver) == "Brindlecombe Holdings \u2014 owned by \u2014 Gildmoor Trust"
    mark = driver.find_element("css selector", "#panel .evidence mark").text
    assert mark == "Brindlecombe Holdings denies that it is owned by Gildmoor Trust"
    assert "Pip, 2031-05-03T09:30:00" in driver.find_element("id", "panel").text
    assert [b.text for b in driver.find_elements("css selector", "#panel .evidence .badge.st-denied")] == ["denied"]


def test_findings_list_opens_the_explanation_chain(fresh):
    driver, G, ids, *_ = fresh
    driver.find_element("css selector", "#findings button").click()
    assert panel_title(driver) == "Marta Quillfeather \u2194 Brindlecombe Holdings"
    assert "<i>Osric Vantablack</i>" in driver.find_element("css selector", "#panel .explanation").text
    steps = driver.find_elements("css selector", "#panel ol.chain > li")
    assert len(steps) == 5
    assert "Osric Vantablack is a director" in steps[2].text
    edge = js(driver, "return window.threadgraph.network.getSelectedEdges()")
    assert [js(driver, "return window.threadgraph.data.edges[arguments[0]].kind", e) for e in edge] == [
        "conflict_of_interest"]


def test_filters_hide_doubtful_and_weak_links_and_focus_narrows_to_a_neighbourhood(fresh):
    from selenium.webdriver.common.keys import Keys

    driver, G, ids, *_ = fresh
    count = lambda: js(driver, "return window.threadgraph.drawnCounts()")  # noqa: E731
    driver.find_element("id", "hide-denied").click()
    assert count() == {"nodes": G.number_of_nodes() - 1, "edges": G.number_of_edges() - 1}  # Gildmoor goes
    driver.find_element("id", "hide-denied").click()
    js(driver, "var s = document.getElementById('min-conf'); s.value = '0.6';"
               "s.dispatchEvent(new Event('input'));")
    confident = sum(1 for *_, d in G.edges(data=True) if d["confidence"] >= 0.6)
    assert count()["edges"] == confident
    js(driver, "var s = document.getElementById('min-conf'); s.value = '0';"
               "s.dispatchEvent(new Event('input'));")
    driver.find_element("css selector", "#type-filters input[data-key='person']").click()
    assert count()["nodes"] == G.number_of_nodes() - 2
    driver.find_element("css selector", "#type-filters input[data-key='person']").click()
    driver.find_element("css selector", "#kind-filters input[data-key='buyer']").click()
    assert count()["edges"] == G.number_of_edges() - 1
    driver.find_element("css selector", "#kind-filters input[data-key='buyer']").click()
    driver.find_element("id", "hide-hedged").click()
    assert count()["edges"] == G.number_of_edges() - 1  # the marriage, told only with "word has it"
    driver.find_element("id", "hide-hedged").click()

    driver.find_element("id", "search").send_keys("Vantablack", Keys.ENTER)
    driver.find_element("id", "focus-btn").click()
    assert count() == {"nodes": 3, "edges": 3}  # Osric, Marta, Brindlecombe; spouse, director, finding
    hops = driver.find_element("id", "hops")
    hops.clear()
    hops.send_keys("2")
    driver.find_element("id", "focus-btn").click()
    assert count()["nodes"] == G.number_of_nodes() - 1  # all but the unconnected union
    driver.find_element("id", "unfocus-btn").click()
    assert count() == {"nodes": G.number_of_nodes(), "edges": G.number_of_edges()}


@pytest.mark.slow
def test_a_2000_node_graph_opens_with_everything_drawn(driver, tmp_path):
    g = large(2000, 3000)
    G = project(g)
    t0 = time.perf_counter()
    path = html.write_html(g, G, tmp_path / "big.html")
    write_s = time.perf_counter() - t0
    console, urls, seconds = open_page(driver, path, timeout=60)
    drawn = js(driver, "return window.threadgraph.drawnCounts()")
    print(f"\n2000-node page: written in {write_s:.1f}s, {path.stat().st_size / 1e6:.1f} MB, "
          f"ready in the browser in {seconds:.2f}s")
    assert drawn == {"nodes": G.number_of_nodes(), "edges": G.number_of_edges()}
    assert [e for e in console if e["level"] == "SEVERE"] == []
    assert js(driver, "return window.threadgraph.network.physics.options.enabled") is False


def test_the_seeds_page_works_offline(driver, request):
    try:
        out = request.getfixturevalue("seeds_out")
    except ImportError as e:  # a pipeline stage has not landed yet
        pytest.skip(f"seeds build not available yet: {e}")
    from rdflib import Graph

    from graph.network import project as real_project

    g = Graph()
    g.parse(out / "graph.ttl", format="turtle")
    G = real_project(g)
    console, urls, _ = open_page(driver, out / "graph.html")
    assert [e for e in console if e["level"] == "SEVERE"] == []
    assert all(u == (out / "graph.html").resolve().as_uri() or u.startswith("data:") for u in urls), urls
    assert js(driver, "return window.threadgraph.drawnCounts()") == {
        "nodes": G.number_of_nodes(), "edges": G.number_of_edges()}
    # the best-connected entity that no other node covers: clicking it shows a highlighted quote
    hubs = sorted((n for n in G if G.degree(n)), key=lambda n: (-G.degree(n), str(n)))
    hub = next(n for n in hubs if js(driver, "var n = window.threadgraph.network, id = arguments[0];"
                                             "var d = n.canvasToDOM(n.getPositions([id])[id]);"
                                             "return n.getNodeAt(d) === id;", n))
    click_node(driver, hub)
    assert panel_title(driver) == G.nodes[hub]["label"]
    assert driver.find_elements("css selector", "#panel .evidence mark")


def test_the_request_check_itself_sees_a_page_that_reaches_out(driver, tmp_path):
    """The harness above would notice a load from the network (this page has no CSP to stop it)."""
    leaky = tmp_path / "leaky.html"
    leaky.write_text('<html><body><img src="http://127.0.0.1:9/pixel.png">'
                     '<script>document.body.dataset.ready = "1";</script></body></html>', encoding="utf-8")
    _, urls, _ = open_page(driver, leaky)
    assert "http://127.0.0.1:9/pixel.png" in urls
