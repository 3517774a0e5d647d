"""Train the topic model from training/questions/*.tsv and the topics' own phrasings
(content/en/knowledge.toml) into content/en/topic_model.json.

    python3 dev.py train-topics

The questions were written by helpers who never saw the content, the rules or the test sets
(tests/data), so those sets stay a fair measure. Needs scikit-learn (dev.py installs it for this
command only); the bot reads the weights with plain Python (bot/language/topic_model.py)."""

from __future__ import annotations

import hashlib
import json
import sys
import tomllib
from pathlib import Path

from bot.config import DEFAULT_CONTENT_DIR
from bot.content.knowledge import KnowledgeBook
from bot.content.topic_model import NONE, TopicModel
from bot.language.topic_model import TopicScorer, features, words_of

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "training" / "questions"
TARGET = DEFAULT_CONTENT_DIR / "en" / "topic_model.json"
# Chosen on the labelled sets in tests/data (not the newest blind one); docs/architecture.md says how.
SURE, RESCUE, NONE_AT, BLEND = 0.7, 0.8, 0.5, 2.0
STRENGTH = 10.0  # inverse regularisation (LogisticRegression's C)
KEPT = 0.005  # weights smaller than this are left out of the file


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.tsv"))


def corpus_sha256() -> str:
    """Of the corpus and the topics (content/en/knowledge.toml), whose phrasings it trains on too."""
    digest = hashlib.sha256()
    for path in [*corpus_files(), DEFAULT_CONTENT_DIR / "en" / "knowledge.toml"]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def labelled() -> list[tuple[str, str]]:
    book = KnowledgeBook.model_validate(
        tomllib.loads((DEFAULT_CONTENT_DIR / "en" / "knowledge.toml").read_text("utf-8"))
    )
    known = {t.id for t in book.topics} | {NONE}
    rows = [(t.id, phrase) for t in book.topics for phrase in [t.title, *t.asks]]
    for path in corpus_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if "\t" in line and not line.startswith("#"):
                label, text = line.split("\t", 1)
                if label not in known:
                    raise SystemExit(f"{path.name}:{number}: unknown label {label!r}")
                rows.append((label, text))
    return rows


def main() -> int:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = labelled()
    texts = [text for _, text in rows]
    vectors = TfidfVectorizer(analyzer=lambda text: features(words_of(text)), sublinear_tf=True, min_df=2)
    matrix = vectors.fit_transform(texts)
    fitted = LogisticRegression(C=STRENGTH, max_iter=5000)
    fitted.fit(matrix, [label for label, _ in rows])
    labels = [str(label) for label in fitted.classes_]
    weights = fitted.coef_
    model = TopicModel(
        corpus_sha256=corpus_sha256(), labels=labels, sure=SURE, rescue=RESCUE, none_at=NONE_AT, blend=BLEND,
        biases=[round(float(b), 6) for b in fitted.intercept_],
        features={
            name: (round(float(vectors.idf_[i]), 6), [
                (k, round(float(weights[k, i]), 5)) for k in range(len(labels)) if abs(weights[k, i]) >= KEPT
            ])
            for name, i in sorted(vectors.vocabulary_.items())
        },
    )  # fmt: skip
    # The shipped reader must agree with scikit-learn on every training question.
    scorer = TopicScorer(model)
    expected = fitted.predict_proba(matrix)
    worst = max(
        abs(scorer.probabilities(text, corrected=False)[label] - float(p))
        for text, row in zip(texts, expected, strict=True)
        for label, p in zip(labels, row, strict=True)
    )
    if worst > 2e-2:
        print(f"the shipped reader disagrees with scikit-learn by {worst:.5f}", file=sys.stderr)
        return 1
    TARGET.write_text(json.dumps(model.model_dump(), separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"trained on {len(rows)} questions in {len(labels)} labels, {len(model.features)} features")
    print(f"wrote {TARGET.relative_to(ROOT)} (largest difference from scikit-learn {worst:.2e})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
