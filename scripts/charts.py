"""Static SVG charts made at build time with matplotlib: no chart script, no request at view time.

Text stays text in the SVG (svg.fonttype "none"), so the reader's own fonts draw the Chinese
labels and the build needs no CJK font; a fixed hash salt and no date keep the file reproducible.
"""

from __future__ import annotations

import io
import textwrap
import warnings
from decimal import Decimal
from importlib.metadata import version
from pathlib import Path

from .cache import cached_text
from .figures import Figure

LABELS = {
    "zh": {"target": "2026年目标", "2025": "2025年实绩",
           "avg": "2021—2025年年均", "note": "数据来自报告原文；目标值为“左右”或“以上”。"},
    "en": {"target": "2026 target",
           "2025": "2025 result", "avg": "2021–2025 average a year", "note": "From the report; targets are 'about' or 'over'."},
}


def growth_rows(figures: tuple[Figure, ...]) -> list[tuple[Figure, Figure | None, Figure | None]]:
    """2026 growth targets (in %) with the 2025 result and the 2021–2025 average of the same
    indicator. Records of one indicator share their id but for the year suffix
    (gdp-growth-2026, gdp-growth-2025, gdp-growth-2021-2025)."""
    by_id = {f.id: f for f in figures}
    rows = []
    for f in figures:
        if f.kind == "target-2026" and f.unit in ("%", "％") and f.id.endswith("-2026"):
            stem = f.id[: -len("-2026")]
            result, average = by_id.get(f"{stem}-2025"), by_id.get(f"{stem}-2021-2025")
            if result or average:
                rows.append((f, result, average))
    return rows


def growth_chart(figures: tuple[Figure, ...], lang: str) -> str:
    """The chart; drawn again only when something that shapes it changed (importing matplotlib
    and drawing take about half the time of page generation)."""
    inputs = (growth_rows(figures), lang, LABELS, version("matplotlib"), Path(__file__).read_bytes())
    return cached_text("charts", inputs, lambda: _draw_growth_chart(figures, lang))


def _draw_growth_chart(figures: tuple[Figure, ...], lang: str) -> str:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = growth_rows(figures)
    labels = LABELS[lang]
    # DejaVu Sans ships with matplotlib, so the layout is the same on every machine whatever fonts
    # it has (the committed SVG must not change with the machine); the browser draws the CJK glyphs.
    plt.rcParams.update({"svg.fonttype": "none", "svg.hashsalt": "guiyang-2026", "font.family": "DejaVu Sans",
                         "font.size": 10})
    height = 1.2 + 0.8 * len(rows)
    fig, ax = plt.subplots(figsize=(8, height))
    series = [("target", 0, "#00796b"), ("2025", 1, "#f9a825"), ("avg", 2, "#90a4ae")]
    bar = 0.26
    for key, offset, colour in series:
        ys, values = [], []
        for i, (target, result, average) in enumerate(rows):
            record = {"target": target, "2025": result, "avg": average}[key]
            if record is not None:
                ys.append(i + (offset - 1) * bar)
                values.append(float(Decimal(record.value)))
        bars = ax.barh(ys, values, height=bar, color=colour, label=labels[key])
        ax.bar_label(bars, fmt="%g", padding=2, fontsize=8)
    ax.set_yticks(range(len(rows)))
    names = [(t.indicator_zh if lang == "zh" else t.indicator_en) for t, _, _ in rows]
    ax.set_yticklabels([textwrap.fill(n, 16 if lang == "zh" else 30) for n in names], fontsize=9)
    ax.invert_yaxis()
    ax.set_xlabel("%")
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=3, fontsize=8, frameon=False)
    fig.text(0.01, 0.01, labels["note"], fontsize=7, color="#555555")
    fig.subplots_adjust(left=0.34 if lang == "en" else 0.28, right=0.97, top=1 - 0.45 / height, bottom=0.75 / height)
    out = io.StringIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "Glyph … missing from DejaVu Sans": drawn by the browser
        fig.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    return out.getvalue().replace("'DejaVu Sans'", "'DejaVu Sans', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif")


TARGET_LABELS = {
    "zh": {"target": "目标", "outcome": "实绩", "words": "文字目标", "unstated": "未提及实绩", "unit": "增速（%）"},
    "en": {"target": "Target", "outcome": "Outcome", "words": "target in words", "unstated": "outcome not stated",
           "unit": "growth (%)"},
}


def gdp_rows(records: tuple) -> list[tuple[int, Decimal | None, Decimal | None]]:
    """(year, GDP growth target, outcome) of every year with a GDP growth record."""
    return [(r.year, r.target.value, r.outcome.value if r.outcome else None) for r in records if r.indicator.key == "gdp-growth"]


def targets_chart(records: tuple, lang: str) -> str:
    inputs = (gdp_rows(records), lang, TARGET_LABELS, version("matplotlib"), Path(__file__).read_bytes())
    return cached_text("charts", inputs, lambda: _draw_targets_chart(gdp_rows(records), lang))


def _draw_targets_chart(rows, lang: str) -> str:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = TARGET_LABELS[lang]
    plt.rcParams.update({"svg.fonttype": "none", "svg.hashsalt": "guiyang-2026", "font.family": "DejaVu Sans",
                         "font.size": 10})
    fig, ax = plt.subplots(figsize=(8, 4))
    years = [row[0] for row in rows]
    top = max(float(v) for row in rows for v in row[1:] if v is not None)
    # a missing value is a gap in the line (nan), never a line drawn across a year with no figure
    series = (("target", 1, "#00796b", "s", "white"), ("outcome", 2, "#e65100", "o", "#e65100"))
    for key, index, colour, marker, face in series:
        values = [float(row[index]) if row[index] is not None else float("nan") for row in rows]
        ax.plot(years, values, color=colour, marker=marker, markerfacecolor=face, linewidth=1.5, label=labels[key])
    for year, target, outcome in rows:
        # the higher of the two labels goes above its point, the lower below, so they never overlap
        for value, other, colour in ((target, outcome, "#00796b"), (outcome, target, "#e65100")):
            if value is None:
                continue
            above = other is None or value > other or (value == other and value is target)
            ax.annotate(f"{float(value):g}", (year, float(value)), textcoords="offset points", xytext=(0, 7 if above else -13),
                        ha="center", fontsize=8, color=colour)
        missing = labels["words"] if target is None else labels["unstated"] if outcome is None and year != years[-1] else ""
        if missing:
            ax.annotate(missing, (year, 0), textcoords="offset points", xytext=(0, 4), ha="center", fontsize=7,
                        color="#555555", rotation=90, va="bottom")
    ax.set_ylim(0, top * 1.15)
    ax.set_xticks(years)
    ax.set_xticklabels([str(y) for y in years], fontsize=8)
    ax.set_ylabel(labels["unit"])
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(loc="upper right", fontsize=8, frameon=False)
    out = io.StringIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "Glyph … missing from DejaVu Sans": drawn by the browser
        fig.tight_layout()
        fig.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    return out.getvalue().replace("'DejaVu Sans'", "'DejaVu Sans', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif")
