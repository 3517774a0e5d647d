"""Train a language's topic model from its questions (English: training/questions/*.tsv, another
language: training/questions_<language>/) and the topics' own phrasings
(content/<language>/knowledge.toml) into content/<language>/topic_model.json.

    python3 dev.py train-topics [language]

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
from bot.language.question_words import QuestionWords
from bot.language.topic_model import TopicScorer, features

ROOT = Path(__file__).resolve().parent.parent
# Chosen on the labelled sets in tests/data (not the newest blind one); docs/architecture.md says how.
SURE, RESCUE, NONE_AT, BLEND = 0.7, 0.8, 0.5, 2.0
STRENGTH = 10.0  # inverse regularisation (LogisticRegression's C)
KEPT = 0.005  # weights smaller than this are left out of the file


def corpus_files(language: str = "en") -> list[Path]:
    folder = "questions" if language == "en" else f"questions_{language}"
    return sorted((ROOT / "training" / folder).glob("*.tsv"))


def topics_file(language: str = "en") -> Path:
    return DEFAULT_CONTENT_DIR / language / "knowledge.toml"


def corpus_sha256(language: str = "en") -> str:
    """Of the corpus and the topics (knowledge.toml), whose phrasings it trains on too."""
    digest = hashlib.sha256()
    for path in [*corpus_files(language), topics_file(language)]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def book_of(language: str = "en") -> KnowledgeBook:
    return KnowledgeBook.model_validate(tomllib.loads(topics_file(language).read_text("utf-8")))


def labelled(language: str = "en") -> list[tuple[str, str]]:
    book = book_of(language)
    known = {t.id for t in book.topics} | {NONE}
    rows = [(t.id, phrase) for t in book.topics for phrase in [t.title, *t.asks]]
    for path in corpus_files(language):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if "\t" in line and not line.startswith("#"):
                label, text = line.split("\t", 1)
                if label not in known:
                    raise SystemExit(f"{path.name}:{number}: unknown label {label!r}")
                rows.append((label, text))
    return rows


def main(argv: list[str]) -> int:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    language = argv[0] if argv else "en"
    if not corpus_files(language):
        print(f"no questions for {language!r}: training/questions_{language}/*.tsv", file=sys.stderr)
        return 2
    target = DEFAULT_CONTENT_DIR / language / "topic_model.json"
    text = QuestionWords.of(book_of(language))
    rows = labelled(language)
    texts = [line for _, line in rows]
    vectors = TfidfVectorizer(
        analyzer=lambda line: features(text.every_word(line)), sublinear_tf=True, min_df=2
    )
    matrix = vectors.fit_transform(texts)
    fitted = LogisticRegression(C=STRENGTH, max_iter=5000)
    fitted.fit(matrix, [label for label, _ in rows])
    labels = [str(label) for label in fitted.classes_]
    weights = fitted.coef_
    model = TopicModel(
        corpus_sha256=corpus_sha256(language), labels=labels,
        sure=SURE, rescue=RESCUE, none_at=NONE_AT, blend=BLEND,
        biases=[round(float(b), 6) for b in fitted.intercept_],
        features={
            name: (round(float(vectors.idf_[i]), 6), [
                (k, round(float(weights[k, i]), 5)) for k in range(len(labels)) if abs(weights[k, i]) >= KEPT
            ])
            for name, i in sorted(vectors.vocabulary_.items())
        },
    )  # fmt: skip
    # The shipped reader must agree with scikit-learn on every training question.
    scorer = TopicScorer(model, text)
    expected = fitted.predict_proba(matrix)
    worst = max(
        abs(scorer.probabilities(line, corrected=False)[label] - float(p))
        for line, row in zip(texts, expected, strict=True)
        for label, p in zip(labels, row, strict=True)
    )
    if worst > 2e-2:
        print(f"the shipped reader disagrees with scikit-learn by {worst:.5f}", file=sys.stderr)
        return 1
    target.write_text(json.dumps(model.model_dump(), separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"trained on {len(rows)} questions in {len(labels)} labels, {len(model.features)} features")
    print(f"wrote {target.relative_to(ROOT)} (largest difference from scikit-learn {worst:.2e})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
