"""Train a language's red-flag model from its corpus into content/<language>/triage_model.json:
English from training/redflags/*.tsv, another language from training/redflags_<language>/.

    python3 dev.py train-triage [language]

The corpus was written by helpers who never saw the rules or the test sets (tests/data), so
those sets stay a fair measure. Needs scikit-learn (dev.py installs it for this command only);
the bot itself reads the weights with plain Python (bot/language/triage_model.py)."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from bot.config import DEFAULT_CONTENT_DIR
from bot.content.safety import GLOSSARY, read_rules
from bot.content.triage_model import TriageModel
from bot.language.triage import Triager
from bot.language.triage_model import Scorer, features

ROOT = Path(__file__).resolve().parent.parent
FIRE, OVERRULE = 0.7, 0.85  # chosen on the labelled sets in tests/data; docs/architecture.md says how
STRENGTH = 20.0  # inverse regularisation (LogisticRegression's C)


def corpus_dir(language: str = "en") -> Path:
    return ROOT / "training" / ("redflags" if language == "en" else f"redflags_{language}")


def corpus_files(language: str = "en") -> list[Path]:
    return sorted(corpus_dir(language).glob("*.tsv"))


def rules_file(language: str = "en") -> Path:
    return DEFAULT_CONTENT_DIR / language / "safety.toml"


def corpus_sha256(language: str = "en") -> str:
    """Of the corpus and the rules' normalisation (safety.toml, glossary.toml), read through."""
    digest = hashlib.sha256()
    glossary = rules_file(language).with_name(GLOSSARY)
    for path in [*corpus_files(language), rules_file(language), *([glossary] if glossary.is_file() else [])]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def labelled(language: str = "en") -> list[tuple[int, str]]:
    rows = []
    for path in corpus_files(language):
        for line in path.read_text(encoding="utf-8").splitlines():
            if "\t" in line and not line.startswith("#"):
                label, text = line.split("\t", 1)
                rows.append((1 if label == "emergency" else 0, text))
    return rows


def main(argv: list[str]) -> int:
    language = argv[0] if argv else "en"
    target = DEFAULT_CONTENT_DIR / language / "triage_model.json"
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    # The rules only: the model being replaced may be stale or missing.
    rules = read_rules(rules_file(language))
    normalise = Triager(rules).normalise
    rows = labelled(language)
    texts = [normalise(text) for _, text in rows]
    vectors = TfidfVectorizer(analyzer=features, sublinear_tf=True, min_df=2)
    matrix = vectors.fit_transform(texts)
    fitted = LogisticRegression(C=STRENGTH, max_iter=5000, class_weight="balanced")
    fitted.fit(matrix, [label for label, _ in rows])
    weights = fitted.coef_[0]
    model = TriageModel(
        corpus_sha256=corpus_sha256(language), fire=FIRE, overrule=OVERRULE,
        bias=round(float(fitted.intercept_[0]), 6),
        features={
            name: (round(float(vectors.idf_[i]), 6), round(float(weights[i]), 6))
            for name, i in sorted(vectors.vocabulary_.items())
        },
    )  # fmt: skip
    # The shipped reader must agree with scikit-learn on every training message.
    scorer = Scorer(model)
    expected = fitted.predict_proba(matrix)[:, 1]
    worst = max(abs(scorer.score(text)[0] - p) for text, p in zip(texts, expected, strict=True))
    if worst > 1e-3:
        print(f"the shipped reader disagrees with scikit-learn by {worst:.5f}", file=sys.stderr)
        return 1
    target.write_text(json.dumps(model.model_dump(), separators=(",", ":")) + "\n", encoding="utf-8")
    emergencies = sum(label for label, _ in rows)
    print(f"trained on {len(rows)} messages ({emergencies} emergencies), {len(model.features)} features")
    print(f"wrote {target.relative_to(ROOT)} (largest difference from scikit-learn {worst:.2e})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
