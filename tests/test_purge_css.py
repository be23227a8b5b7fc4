"""Trimming Material's stylesheet (scripts/purge_css.py): what goes and what stays."""

from __future__ import annotations

from scripts.purge_css import Usage, purge, usage


def _use(classes=(), prefixes=(), properties=()) -> Usage:
    return Usage(frozenset(classes), tuple(prefixes), frozenset(properties))


def test_a_rule_for_a_class_nothing_uses_goes():
    assert purge(".md-annotation{color:red}.md-header{color:blue}", _use({"md-header"})) == ".md-header{color:blue}"


def test_a_rule_stays_when_one_selector_of_its_list_can_match():
    assert purge(".tabbed-set,.md-typeset h1{margin:0}", _use({"md-typeset"})) == ".tabbed-set,.md-typeset h1{margin:0}"


def test_element_and_attribute_selectors_stay():
    assert purge("body{margin:0}[hidden]{display:none}", _use()) == "body{margin:0}[hidden]{display:none}"


def test_a_class_a_script_puts_together_stays():
    assert purge(".md-tooltip2--top{top:0}", _use(prefixes=("md-tooltip2--",))) == ".md-tooltip2--top{top:0}"


def test_a_media_query_keeps_only_its_usable_rules():
    assert purge("@media print{.md-header{display:none}.md-code{display:none}}", _use({"md-header"})) == \
        "@media print{.md-header{display:none}}"


def test_a_custom_property_nothing_reads_goes():
    css = ":root{--md-tag-icon:url(x.svg);--md-accent:red}.md-header{color:var(--md-accent)}"
    assert purge(css, _use({"md-header"})) == ":root{--md-accent:red}.md-header{color:var(--md-accent)}"


def test_a_custom_property_read_by_our_stylesheet_or_a_script_stays():
    assert purge(":root{--md-primary-fg-color:teal}", _use(properties={"--md-primary-fg-color"})) == ":root{--md-primary-fg-color:teal}"


def test_a_property_read_only_by_a_property_that_goes_goes_too():
    css = ":root{--a:red;--b:var(--a)}.md-code{color:var(--b)}"
    assert purge(css, _use()) == ":root{}"


def test_the_site_s_classes_and_script_literals_are_read(tmp_path):
    (tmp_path / "assets" / "javascripts").mkdir(parents=True)
    (tmp_path / "assets" / "javascripts" / "bundle.js").write_text('e.classList.add("md-search__active");t=`md-tip--${p}`;s="--md-x"')
    (tmp_path / "index.html").write_text('<div class="md-header md-grid"><script>x.className="md-top"</script></div>')
    found = usage(tmp_path)
    assert {"md-header", "md-grid", "md-search__active", "md-top"} <= found.classes
    assert "md-tip--" in found.prefixes
    assert "--md-x" in found.properties


def test_a_selector_or_feature_name_in_a_script_keeps_nothing(tmp_path):
    (tmp_path / "assets" / "javascripts").mkdir(parents=True)
    (tmp_path / "assets" / "javascripts" / "bundle.js").write_text('q(".md-typeset .highlight");f("search.highlight")')
    assert "highlight" not in usage(tmp_path).classes
