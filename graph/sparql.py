"""SPARQL over the store: canned queries, safe parameters, results in every format.

Canned queries are files in ontology/queries/. Each starts with comment lines:
a description, then one `# param: NAME[:TYPE] [= DEFAULT] — what it is` line per
parameter, and optionally `# compute: shortest-path` for a query that needs more
than one SPARQL step. In the query a parameter is written `$NAME`; it is replaced
by a literal built here (escaped, typed), never by raw user text, so a value can
not change the shape of the query.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Callable, Iterable
from xml.sax.saxutils import escape as xml_escape

import pyoxigraph as ox

QUERIES_DIR = Path(__file__).resolve().parent.parent / "ontology" / "queries"
XSD = "http://www.w3.org/2001/XMLSchema#"

# Prefixes used to print IRIs compactly and to write Turtle.
PREFIXES = {
    "tg": "https://w3id.org/threadgraph/ns#",
    "id": "https://w3id.org/threadgraph/id/",
    "org": "http://www.w3.org/ns/org#",
    "sioc": "http://rdfs.org/sioc/ns#",
    "sioct": "http://rdfs.org/sioc/types#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "schema": "http://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "pc": "http://purl.org/procurement/public-contracts#",
    "gr": "http://purl.org/goodrelations/v1#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dct": "http://purl.org/dc/terms/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": XSD,
}


class QueryError(Exception):
    """A query that cannot run: bad syntax, a bad parameter, an unknown canned query."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None, text: str | None = None):
        super().__init__(message)
        self.message, self.line, self.column, self.text = message, line, column, text

    def describe(self) -> str:
        """The message, and for a syntax error the offending line with a caret under the position."""
        if self.line is None or self.text is None:
            return self.message
        lines = self.text.splitlines() or [""]
        src = lines[self.line - 1] if 0 < self.line <= len(lines) else ""
        caret = " " * max(0, (self.column or 1) - 1) + "^"
        return f"{self.message}\n  line {self.line}, column {self.column}:\n    {src}\n    {caret}"


class Refused(QueryError):
    """A request the read-only service will not run (update, LOAD, SERVICE)."""


class TooLarge(QueryError):
    """A result with more rows (or triples) than the configured limit."""


# --- a small SPARQL lexer: enough to tell keywords and $params from strings, IRIs and comments

_TOKEN = re.compile(
    r"""(?P<comment>\#[^\n]*)
      | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\" | '''(?:[^'\\]|\\.|'(?!''))*'''
                  | "(?:[^"\\\n]|\\.)*" | '(?:[^'\\\n]|\\.)*')
      | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
      | (?P<var>[?$][A-Za-z0-9_\u00B7-\uFFFF]+)
      | (?P<word>[A-Za-z_][\w.-]*(?::[\w.%-]*)?|:[\w.%-]*)
      | (?P<other>\s+|.)""",
    re.S | re.X,
)

UPDATE_KEYWORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
QUERY_FORMS = {"SELECT", "CONSTRUCT", "ASK", "DESCRIBE"}


def tokens(text: str) -> Iterable[tuple[str, str, int]]:
    """(kind, text, offset) for each token of a query."""
    for m in _TOKEN.finditer(text):
        yield m.lastgroup or "other", m.group(), m.start()


def query_form(text: str) -> str | None:
    """SELECT, CONSTRUCT, ASK, DESCRIBE, or the update keyword a request starts with."""
    for kind, tok, _ in tokens(text):
        if kind == "word":
            word = tok.upper()
            if word in QUERY_FORMS or word in UPDATE_KEYWORDS:
                return word
    return None


def check_read_only(text: str) -> None:
    """Refuse SPARQL Update (and LOAD) and SERVICE: the store is published read-only,
    and SERVICE would make this server fetch from any address a client names."""
    form = query_form(text)
    if form in UPDATE_KEYWORDS:
        raise Refused(f"this endpoint is read-only: SPARQL Update ({form}) is refused")
    for kind, tok, _ in tokens(text):
        if kind == "word" and tok.upper() == "SERVICE":
            raise Refused("SERVICE (federated query) is refused: this endpoint does not query other servers")


# --- canned queries and their parameters

@dataclass(frozen=True)
class Param:
    name: str
    type: str = "string"  # string | decimal | integer | iri
    default: str | None = None
    help: str = ""

    @property
    def required(self) -> bool:
        return self.default is None


@dataclass(frozen=True)
class Canned:
    name: str
    path: Path
    description: str
    params: tuple[Param, ...]
    text: str
    compute: str | None = None

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


_PARAM = re.compile(r"#\s*param:\s*(?P<name>\w+)(?::(?P<type>\w+))?\s*(?:=\s*(?P<default>\"[^\"]*\"|\S+))?"
                    r"\s*(?:—|--|-)?\s*(?P<help>.*)$")
PARAM_TYPES = ("string", "decimal", "integer", "iri", "iris", "entity")


def parse_canned(path: Path) -> Canned:
    """Read one .rq file: its leading comment block gives description, params and compute step."""
    text = path.read_text(encoding="utf-8")
    description, params, compute = [], [], None
    in_notes = False
    for line in text.splitlines():
        s = line.strip()
        if not s.startswith("#"):
            break
        if s.startswith("# param:") or s.startswith("#param:"):
            m = _PARAM.match(s)
            if not m or (m["type"] or "string") not in PARAM_TYPES:
                raise QueryError(f"{path.name}: cannot read the parameter line {s!r}")
            default = m["default"]
            if default is not None and default.startswith('"'):
                default = default[1:-1]
            params.append(Param(m["name"], m["type"] or "string", default, m["help"].strip()))
            in_notes = True
        elif s.startswith("# compute:"):
            compute = s.split(":", 1)[1].strip()
            in_notes = True
        elif s == "#":
            in_notes = True  # a blank comment line ends the description
        elif not in_notes:
            description.append(s.lstrip("#").strip())
    return Canned(path.stem, path, " ".join(description), tuple(params), text, compute)


def list_canned(folder: Path = QUERIES_DIR) -> list[Canned]:
    return [parse_canned(p) for p in sorted(folder.glob("*.rq"))]


def load_canned(name: str, folder: Path = QUERIES_DIR) -> Canned:
    path = folder / f"{name.removesuffix('.rq')}.rq"
    if not path.is_file():
        known = ", ".join(c.name for c in list_canned(folder))
        raise QueryError(f"no canned query named {name!r}; known: {known}")
    return parse_canned(path)


def sparql_literal(value: str, type_: str = "string") -> str:
    """`value` as SPARQL syntax of the given type, safe to put into a query."""
    if type_ == "string":
        # Backslashes and quotes escaped, line breaks as escapes; `\u` in the value is
        # written `\\u`, which the parser reads as a backslash followed by `u`.
        out = value.replace("\\", "\\\\").replace('"', '\\"')
        out = out.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
        out = "".join(c if c >= " " else f"\\u{ord(c):04X}" for c in out)
        return f'"{out}"'
    if type_ in ("decimal", "integer"):
        try:
            d = Decimal(value.strip())
        except InvalidOperation:
            raise QueryError(f"{value!r} is not a number") from None
        if not d.is_finite():
            raise QueryError(f"{value!r} is not a finite number")
        if type_ == "integer":
            if d != d.to_integral_value():
                raise QueryError(f"{value!r} is not a whole number")
            return str(int(d))
        return f'"{format(d, "f")}"^^<{XSD}decimal>'
    if type_ == "iri":
        if not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:[^<>\"{}|^`\\\x00-\x20]*", value):
            raise QueryError(f"{value!r} is not an absolute IRI")
        return f"<{value}>"
    if type_ in ("iris", "entity"):
        return " ".join(sparql_literal(v, "iri") for v in value.split())
    raise QueryError(f"unknown parameter type {type_!r}")


def bind_params(text: str, params: Iterable[Param], values: dict[str, str],
                resolve: Callable[[str], list[str]] | None = None) -> str:
    """Replace each `$NAME` of a declared parameter by its value as an escaped literal.

    Only `$` variables in query code are touched: strings, IRIs and comments are left as
    they are. Unknown names in `values` and missing required values are errors.
    An `entity` parameter is a name turned into the IRIs it stands for by `resolve`
    (lookup.rq), written for a VALUES block: the IRIs, nothing when no entity has the
    name, UNDEF (no restriction) when the name is empty.
    """
    params = {p.name: p for p in params}
    unknown = sorted(set(values) - set(params))
    if unknown:
        known = ", ".join(params) or "none"
        raise QueryError(f"unknown parameter {', '.join(unknown)} (this query takes: {known})")
    literals = {}
    for name, p in params.items():
        value = values.get(name, p.default)
        if value is None:
            raise QueryError(f"missing parameter {name}: {p.help or p.type} (give --param {name}=VALUE)")
        if p.type == "entity":
            if value == "":
                literals[name] = "UNDEF"
                continue
            if resolve is None:
                raise QueryError(f"parameter {name} names an entity: run this query with run_canned")
            value = " ".join(resolve(value))
        literals[name] = sparql_literal(value, p.type)
    out = []
    for kind, tok, _ in tokens(text):
        if kind == "var" and tok[0] == "$" and tok[1:] in literals:
            tok = literals[tok[1:]]
        out.append(tok)
    return "".join(out)


# --- running queries

@dataclass
class Result:
    """What a query gave: solutions (select), a boolean (ask) or triples (construct/describe)."""

    kind: str  # select | ask | graph
    vars: list[str] = field(default_factory=list)
    rows: list[tuple] = field(default_factory=list)  # pyoxigraph terms or None
    boolean: bool | None = None
    triples: list = field(default_factory=list)

    def records(self) -> list[dict[str, object]]:
        """Rows as dicts of plain Python values (for tests and notebooks)."""
        return [{v: term_value(t) for v, t in zip(self.vars, row)} for row in self.rows]


_SYNTAX = re.compile(r"error at (\d+):(\d+):\s*(.*)", re.S)


def execute(store: ox.Store, text: str, max_rows: int | None = None) -> Result:
    """Run one SPARQL query; a syntax error becomes a QueryError with its position."""
    try:
        answer = store.query(text)
    except SyntaxError as e:
        m = _SYNTAX.search(str(e))
        if m:
            raise QueryError(f"syntax error: {m[3].strip()}", int(m[1]), int(m[2]), text) from None
        raise QueryError(f"syntax error: {e}") from None
    except OSError as e:
        raise QueryError(f"query failed: {e}") from None
    try:
        if isinstance(answer, ox.QueryBoolean):
            return Result("ask", boolean=bool(answer))
        if isinstance(answer, ox.QuerySolutions):
            names = [v.value for v in answer.variables]
            rows = []
            for sol in answer:
                if max_rows is not None and len(rows) >= max_rows:
                    raise TooLarge(f"the result has more than {max_rows} rows (the limit): add a LIMIT, or raise the limit")
                rows.append(tuple(sol[n] for n in names))
            return Result("select", vars=names, rows=rows)
        triples = []
        for t in answer:
            if max_rows is not None and len(triples) >= max_rows:
                raise TooLarge(f"the result has more than {max_rows} triples (the limit): add a LIMIT, or raise the limit")
            triples.append(t)
        return Result("graph", triples=triples)
    except OSError as e:  # evaluation errors surface while iterating
        raise QueryError(f"query failed: {e}") from None


def run(store: ox.Store, text: str, values: dict[str, str] | None = None,
        max_rows: int | None = None) -> Result:
    """An ad-hoc query; `values` fill `$name` placeholders as string literals."""
    form = query_form(text)
    if form in UPDATE_KEYWORDS:
        raise Refused(f"the store is read-only: SPARQL Update ({form}) is not run here; "
                      "rebuild with `threadgraph build`, or push to a server")
    if values:
        names = sorted(values)
        text = bind_params(text, [Param(n) for n in names], values)
    return execute(store, text, max_rows=max_rows)


def run_canned(store: ox.Store, name: str, values: dict[str, str] | None = None,
               max_rows: int | None = None, folder: Path = QUERIES_DIR) -> Result:
    """A canned query by name, with its parameters."""
    canned = load_canned(name, folder)
    if canned.compute is None:
        return run_canned_query(lambda q: execute(store, q, max_rows=max_rows), canned, values or {}, folder)
    # a computed answer runs several steps; the row limit is for what the user gets
    res = run_canned_query(lambda q: execute(store, q), canned, values or {}, folder)
    if max_rows is not None and len(res.rows) > max_rows:
        raise TooLarge(f"the result has more than {max_rows} rows (the limit)")
    return res


def run_canned_query(select: Callable[[str], Result], canned: Canned, values: dict[str, str],
                     folder: Path = QUERIES_DIR) -> Result:
    """Run `canned` with the engine behind `select` (Oxigraph here; rdflib in the benchmark)."""
    if canned.compute is None:
        resolve = None
        if any(p.type == "entity" for p in canned.params):
            lookup = load_canned("lookup", folder)
            resolve = lambda name: _ends(select, lookup, name, required=False)  # noqa: E731
        return select(bind_params(canned.text, canned.params, values, resolve))
    if canned.compute == "shortest-path":
        bound = {p.name: values.get(p.name, p.default) for p in canned.params if p.type != "iris"}
        bind_params("", [p for p in canned.params if p.type != "iris"], {k: v for k, v in values.items()})
        lookup = load_canned("lookup", folder)
        return shortest_path(select, canned, lookup, bound["from"], bound["to"], int(bound.get("max") or 6))
    raise QueryError(f"{canned.name}: unknown compute step {canned.compute!r}")


# --- shortest path: breadth-first from both ends, one SPARQL step per frontier

def _ends(select, lookup: Canned, name: str, required: bool = True) -> list[str]:
    """The IRIs of the entities `name` stands for (lookup.rq)."""
    res = select(bind_params(lookup.text, lookup.params, {"name": name}))
    iris = [term_value(r[res.vars.index("entity")]) for r in res.rows]
    if not iris and required:
        raise QueryError(f"no entity is named {name!r} (try `threadgraph query --name lookup --param name=...`)")
    return list(dict.fromkeys(iris))


def shortest_path(select: Callable[[str], Result], step: Canned, lookup: Canned,
                  source: str, target: str, max_hops: int = 6) -> Result:
    """The fewest-hop chain of facts between two named entities (any direction)."""
    sources, targets = _ends(select, lookup, source), _ends(select, lookup, target)
    columns = ["hop", "from", "relation", "direction", "to", "confidence", "quote", "source"]
    # parent[side][node] = (previous node, edge) ; edge = (subject, relation, object, assertion, confidence)
    parent = [{n: None for n in sources}, {n: None for n in targets}]
    frontier = [list(sources), list(targets)]
    labels: dict[str, str] = {}
    meet = next((n for n in sources if n in parent[1]), None)
    hops = 0
    while meet is None and hops < max_hops and frontier[0] and frontier[1]:
        side = 0 if len(frontier[0]) <= len(frontier[1]) else 1  # grow the smaller frontier
        text = bind_params(step.text, [Param("nodes", "iris")], {"nodes": " ".join(frontier[side])})
        res = select(text)
        ix = {v: i for i, v in enumerate(res.vars)}
        best: dict[tuple[str, str], tuple] = {}
        for row in res.rows:
            node, nb = term_value(row[ix["node"]]), term_value(row[ix["neighbour"]])
            conf = term_value(row[ix["confidence"]])
            conf = float(conf) if conf is not None else 0.0
            if row[ix["neighbourLabel"]] is not None:
                labels[nb] = term_value(row[ix["neighbourLabel"]])
            forward = term_value(row[ix["forward"]]) in (True, "true")
            edge = (node, term_value(row[ix["relation"]]), nb, term_value(row[ix["assertion"]]), conf) if forward \
                else (nb, term_value(row[ix["relation"]]), node, term_value(row[ix["assertion"]]), conf)
            key = (node, nb)
            if key not in best or (conf, edge[3]) > (best[key][4], best[key][3]):
                best[key] = edge
        nxt = []
        for (node, nb), edge in sorted(best.items()):
            if nb in parent[side]:
                continue
            parent[side][nb] = (node, edge)
            nxt.append(nb)
            if nb in parent[1 - side] and meet is None:
                meet = nb
        frontier[side] = nxt
        hops += 1
    if meet is None:
        return Result("select", vars=columns, rows=[])
    chain = []  # edges from a source to the meeting node, then on to a target
    n = meet
    while parent[0][n] is not None:
        prev, edge = parent[0][n]
        chain.insert(0, (prev, n, edge))
        n = prev
    n = meet
    while parent[1][n] is not None:
        nxt_node, edge = parent[1][n]
        chain.append((n, nxt_node, edge))
        n = nxt_node
    ends = {n for a, b, _ in chain for n in (a, b)}
    labels.update(_labels(select, ends - set(labels)))
    quotes = _evidence(select, [e[3] for _, _, e in chain])
    rows = []
    for i, (a, b, (subj, relation, _obj, assertion, conf)) in enumerate(chain, 1):
        quote, src = quotes.get(assertion, (None, None))
        rows.append(tuple(_lit(x) for x in (
            i, labels.get(a, a), relation, "→" if subj == a else "←", labels.get(b, b),
            conf, quote, src)))
    return Result("select", vars=columns, rows=rows)


def _labels(select, iris: set[str]) -> dict[str, str]:
    if not iris:
        return {}
    q = ("SELECT ?e ?l WHERE { VALUES ?e { %s } ?e <http://www.w3.org/2004/02/skos/core#prefLabel> ?l }"
         % sparql_literal(" ".join(sorted(iris)), "iris"))
    return {term_value(e): term_value(lab) for e, lab in select(q).rows}


def _evidence(select, assertions: list[str]) -> dict[str, tuple[str, str]]:
    if not assertions:
        return {}
    q = """PREFIX oa: <http://www.w3.org/ns/oa#> PREFIX prov: <http://www.w3.org/ns/prov#>
      PREFIX sioc: <http://rdfs.org/sioc/ns#> PREFIX dct: <http://purl.org/dc/terms/>
      PREFIX tg: <https://w3id.org/threadgraph/ns#>
      SELECT ?a ?quote ?source WHERE { VALUES ?a { %s }
        OPTIONAL { ?a oa:hasSelector/oa:exact ?quote }
        OPTIONAL { ?a prov:wasDerivedFrom ?m . OPTIONAL { ?m tg:localId ?local }
                   OPTIONAL { ?m sioc:has_container/dct:source ?file } }
        BIND(CONCAT(COALESCE(?file, ""), "#", COALESCE(?local, "")) AS ?source) }""" % sparql_literal(
        " ".join(dict.fromkeys(assertions)), "iris")
    return {term_value(a): (term_value(qt), term_value(s)) for a, qt, s in select(q).rows}


def _lit(x) -> ox.Literal | None:
    if x is None:
        return None
    if isinstance(x, bool):
        return ox.Literal("true" if x else "false", datatype=ox.NamedNode(XSD + "boolean"))
    if isinstance(x, int):
        return ox.Literal(str(x), datatype=ox.NamedNode(XSD + "integer"))
    if isinstance(x, float):
        return ox.Literal(format(Decimal(str(x)), "f"), datatype=ox.NamedNode(XSD + "decimal"))
    return ox.Literal(str(x))


# --- terms and result formats

_NUMERIC = {XSD + t for t in ("integer", "decimal", "double", "float", "int", "long", "short",
                              "nonNegativeInteger", "positiveInteger")}


def term_value(term):
    """A pyoxigraph term as a plain Python value: IRI/blank node/string as str, numbers as
    int/Decimal/float, booleans as bool."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value if term.datatype is not None else None
        try:
            if dt in (XSD + "integer", XSD + "int", XSD + "long", XSD + "nonNegativeInteger", XSD + "positiveInteger"):
                return int(term.value)
            if dt == XSD + "decimal":
                return Decimal(term.value)
            if dt in (XSD + "double", XSD + "float"):
                return float(term.value)
            if dt == XSD + "boolean":
                return term.value in ("true", "1")
        except (ValueError, InvalidOperation):
            pass
        return term.value
    return term.value


def compact(term, prefixes: dict[str, str] = PREFIXES) -> str:
    """A short readable form: prefixed IRIs, literal values without quotes or datatype."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for p, ns in prefixes.items():
            if term.value.startswith(ns) and re.fullmatch(r"[\w.-]*", term.value[len(ns):]):
                return f"{p}:{term.value[len(ns):]}"
        return f"<{term.value}>"
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


def _json_term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype is not None and term.datatype.value != XSD + "string":
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": _json_term(term.subject),
                                             "predicate": _json_term(term.predicate),
                                             "object": _json_term(term.object)}}
    raise TypeError(term)


def to_json(res: Result) -> str:
    """SPARQL 1.1 Query Results JSON."""
    if res.kind == "ask":
        return json.dumps({"head": {}, "boolean": res.boolean})
    bindings = [{v: _json_term(t) for v, t in zip(res.vars, row) if t is not None} for row in res.rows]
    return json.dumps({"head": {"vars": res.vars}, "results": {"bindings": bindings}}, ensure_ascii=False)


def _xml_term(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{xml_escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{xml_escape(term.value)}</bnode>"
    if term.language:
        return f'<literal xml:lang="{xml_escape(term.language)}">{xml_escape(term.value)}</literal>'
    if term.datatype is not None and term.datatype.value != XSD + "string":
        return f'<literal datatype="{xml_escape(term.datatype.value)}">{xml_escape(term.value)}</literal>'
    return f"<literal>{xml_escape(term.value)}</literal>"


def to_xml(res: Result) -> str:
    """SPARQL Query Results XML."""
    head = '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n'
    if res.kind == "ask":
        return head + f"<head/>\n<boolean>{'true' if res.boolean else 'false'}</boolean>\n</sparql>\n"
    out = [head, "<head>"]
    out += [f'<variable name="{xml_escape(v)}"/>' for v in res.vars]
    out.append("</head>\n<results>")
    for row in res.rows:
        out.append("<result>")
        out += [f'<binding name="{xml_escape(v)}">{_xml_term(t)}</binding>' for v, t in zip(res.vars, row)
                if t is not None]
        out.append("</result>")
    out.append("</results>\n</sparql>\n")
    return "\n".join(out)


def to_csv(res: Result) -> str:
    """SPARQL 1.1 Query Results CSV: plain values, CRLF line ends."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    if res.kind == "ask":
        w.writerow(["_askResult"])
        w.writerow(["true" if res.boolean else "false"])
        return buf.getvalue()
    w.writerow(res.vars)
    for row in res.rows:
        w.writerow(["" if t is None else (f"_:{t.value}" if isinstance(t, ox.BlankNode) else t.value) for t in row])
    return buf.getvalue()


_TURTLE_NUMBER = {XSD + "integer": r"[+-]?\d+", XSD + "decimal": r"[+-]?\d*\.\d+"}


def _tsv_term(t) -> str:
    # Turtle syntax; integers and decimals in the short form the TSV spec allows
    if isinstance(t, ox.Literal) and t.datatype is not None and t.datatype.value in _TURTLE_NUMBER \
            and re.fullmatch(_TURTLE_NUMBER[t.datatype.value], t.value):
        return t.value
    return str(t)


def to_tsv(res: Result) -> str:
    """SPARQL 1.1 Query Results TSV: terms in Turtle/N-Triples syntax."""
    if res.kind == "ask":
        return "?_askResult\n" + ("true" if res.boolean else "false") + "\n"
    lines = ["\t".join(f"?{v}" for v in res.vars)]
    for row in res.rows:
        lines.append("\t".join("" if t is None else _tsv_term(t) for t in row))
    return "\n".join(lines) + "\n"


RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "rdfxml": ox.RdfFormat.RDF_XML,
}


def to_rdf(res: Result, fmt: str = "turtle") -> bytes:
    """A CONSTRUCT/DESCRIBE result as Turtle (with the project prefixes), N-Triples or RDF/XML."""
    f = RDF_FORMATS[fmt]
    kwargs = {"prefixes": PREFIXES} if f in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else {}
    return ox.serialize(res.triples, format=f, **kwargs) or b""
