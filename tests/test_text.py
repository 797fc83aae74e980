"""Normalisation, dates and names: the pure text functions under the extractors."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from ofsted_kg.extract.dates import parse_run
from ofsted_kg.extract.names import find_names, same_person, strip_honorific
from ofsted_kg.extract.normalise import normalise


def _assert_letters_map_back(raw: str, clean: Any) -> None:
    """Every letter and digit of the clean text sits at its recorded offset in the raw text."""
    for i, ch in enumerate(clean.text.rstrip("\n")):
        if ch.isalnum():
            assert raw[clean.offsets[i]] == ch


def test_offsets_map_every_clean_character_back() -> None:
    raw = "# **Focused visit**\r\n\r\nThe visit was\r\n\f\r\nconducted by Her Majesty’s Inspectors.\r\n"
    clean = normalise(raw)
    assert "Focused visit" in clean.text and "**" not in clean.text and "#" not in clean.text
    assert "The visit was conducted by" in clean.text  # joined across the page break
    _assert_letters_map_back(raw, clean)


def test_page_furniture_and_bullets() -> None:
    raw = ("Findings\n\n■ Caseloads are too high and\n\nPage 2 of 5\n\nremain in the mid-twenties.\n"
           "• Supervision is regular.\n\n12\n\nThis page is intentionally left blank\n")
    text = normalise(raw).text
    assert "Page 2" not in text and "intentionally" not in text and "\n12\n" not in text
    assert "- Caseloads are too high and remain in the mid-twenties." in text
    assert "- Supervision is regular." in text


def test_running_footer_over_several_lines_is_dropped() -> None:
    raw = ("What needs to improve?\n- The response to young people, including\n"
           "Inspection of York local authority children's services\n7 to 18 March 2022\n2\n\n"
           "their access to advocacy.\n")
    text = normalise(raw).text
    assert "Inspection of York" not in text and "7 to 18 March" not in text


@pytest.mark.parametrize(("phrase", "start", "end"), [
    ("on 8 and 9 January 2019.", date(2019, 1, 8), date(2019, 1, 9)),
    ("on 30 November and 1 December 2023", date(2023, 11, 30), date(2023, 12, 1)),
    ("Inspection dates: 13 to 17 March 2023", date(2023, 3, 13), date(2023, 3, 17)),
    ("Inspection date: 3 March 2015 – 25 March 2015", date(2015, 3, 3), date(2015, 3, 25)),
    ("on 5, 6 and 7 March 2019", date(2019, 3, 5), date(2019, 3, 7)),
    ("on 17th and 18th July 2018", date(2018, 7, 17), date(2018, 7, 18)),
    ("on 17 July 2018.", date(2018, 7, 17), date(2018, 7, 17)),
    ("on Tuesday 11 and Wednesday 12 July 2017.", date(2017, 7, 11), date(2017, 7, 12)),
    ("on the 4th and 5th of June 2019", date(2019, 6, 4), date(2019, 6, 5)),
])
def test_date_runs(phrase: str, start: date, end: date) -> None:
    run = parse_run(phrase)
    assert run is not None and (run.start, run.end) == (start, end)


def test_date_run_without_year_takes_the_letters_year() -> None:
    run = parse_run("between 28 December and 2 January", default_year=2019, before=date(2019, 2, 1))
    assert run is not None and (run.start, run.end) == (date(2018, 12, 28), date(2019, 1, 2))


def test_find_names_in_inspector_sentences() -> None:
    sent = "The visit was conducted by Her Majesty's Inspectors Andrew Waugh and Alison Smale."
    assert [n for n, _, _ in find_names(sent)] == ["Andrew Waugh", "Alison Smale"]
    sent = "The inspectors were Peter McEntee, Her Majesty's Inspector, and Mary-Jane O'Neill, HMI."
    assert [n for n, _, _ in find_names(sent)] == ["Peter McEntee", "Mary-Jane O'Neill"]
    # names set in two columns are two people
    assert [n for n, _, _ in find_names("Yvonne Castellane  Dr Samir Quayle")] == ["Yvonne Castellane", "Samir Quayle"]
    assert find_names("carried out this inspection under section 20 of the Children Act 2004") == []


def test_people_match_on_nicknames_and_initials() -> None:
    assert same_person("Andy Waugh", "Andrew Waugh")
    assert same_person("A. Smale", "Alison Smale")
    assert same_person("Dr Catherine Driscoll", "Catherine Driscoll")
    assert not same_person("Andrew Waugh", "Andrew Walsh")
    assert not same_person("Alison Smale", "Brian Smale")
    assert strip_honorific("Cllr Marcus Hart OBE") == ("Marcus Hart", "Cllr")


def test_one_word_running_header_is_dropped_on_a_longer_document() -> None:
    pages = ["Ofsted\nWhat needs to improve?\n- The quality of pathway plans, so that they",
             "Ofsted\nreflect care leavers' needs.\n- The range of accommodation for care leavers.",
             "Ofsted\nThe experiences and progress of care leavers: good\n1. Personal advisers know them well."]
    text = normalise("\f".join(pages)).text
    assert "Ofsted" not in text
    assert "so that they reflect care leavers' needs." in text
    # a two-page letter keeps its one-word lines
    assert "Ofsted" in normalise("\f".join(pages[:2])).text


@pytest.mark.parametrize("raw", [
    "What needs to improve?•\nThe stability of relationships.•\nThe timeliness of plans.\n",
    "What needs to improve?\n•\nThe stability of relationships.\n\uf0b7\nThe timeliness of plans.\n",
    "What needs to improve?\no The stability of relationships.\no The timeliness of plans.\n",
    "What needs to improve?\n\ufffd The stability of relationships.\n? The timeliness of plans.\n",
])
def test_bullets_on_another_baseline_in_courier_or_unmapped_mark_their_item(raw: str) -> None:
    clean = normalise(raw)
    assert clean.text.splitlines()[:3] == ["What needs to improve?", "- The stability of relationships.",
                                           "- The timeliness of plans."]
    _assert_letters_map_back(raw, clean)


def test_typographic_hyphens_and_invisible_joiners() -> None:
    assert normalise("Darrow\u2010Keats and chil\u200bdren\u2060s\n").text == "Darrow-Keats and childrens\n"


def test_a_sentence_opener_after_a_place_on_the_line_above_is_not_a_name() -> None:
    text = "Joint targeted area inspection of the response to exploitation in Nottingham\nBetween 8 and 12 July 2019"
    assert find_names(text) == []


def test_list_number_alone_on_its_line_marks_the_next_line() -> None:
    raw = "What needs to improve?\n1.\nThe stability of relationships.\n(b)\nThe timeliness of plans.\n"
    clean = normalise(raw)
    assert clean.text.splitlines()[:3] == ["What needs to improve?", "1. The stability of relationships.",
                                           "(b) The timeliness of plans."]
    _assert_letters_map_back(raw, clean)


def test_list_number_alone_with_blank_lines_before_its_text_marks_it() -> None:
    # pdftotext prints a list number set in its own cell as "1.", a blank line, then the item's text
    raw = ("What does the local authority need to improve?\nCapacity\n1.\n\nEnsure that service managers have\n"
           "sufficient capacity.\n\n2.\n\nEnsure that all children are registered with a dentist.\n\n"
           "3.\n\n4.\n")
    clean = normalise(raw)
    lines = clean.text.splitlines()
    assert lines[:4] == ["What does the local authority need to improve?", "Capacity",
                         "1. Ensure that service managers have", "sufficient capacity."]
    assert "2. Ensure that all children are registered with a dentist." in lines
    assert lines[-3:] == ["3.", "", "4."]  # a number with no text after it stays as it is
    _assert_letters_map_back(raw, clean)


def test_inline_html_of_markdown_converters_is_dropped_and_a_cell_break_is_a_space() -> None:
    raw = ("|**Judgement**|**Grade**|\n|---|---|\n|The impact of leaders on social work<br>practice with children|Good|\n\n"
           "Dear <mark>Ms Gent</mark>\n\nOn 1<sup>st</sup> May the <u>plan</u> changed.<br/>Next.\n")
    clean = normalise(raw)
    assert "The impact of leaders on social work practice with children Good" in clean.text
    # outside a table a <br> is a line break (a signature block's lines in a "picture text" block)
    assert "Dear Ms Gent\n" in clean.text and "On 1st May the plan changed.\nNext." in clean.text
    assert "<" not in clean.text
    _assert_letters_map_back(raw, clean)


def test_a_column_of_list_markers_before_the_column_of_items_goes_to_them_in_order() -> None:
    # pdfminer prints a list set in two cells as the markers first, then the items' paragraphs
    raw = ("What needs to improve?\n\n\u25fc\n\n\u25fc\n\n\u25fc\n\nThe understanding of a high rate of\n"
           "re-referrals.\n\nThe quality of direct work.\n\nThe support to homeless 16 and 17 year olds.\n\n"
           "Capacity\n\n1.\n\n2.\n\nEnsure that managers have capacity.\n\nEnsure that all children see a dentist.\n")
    clean = normalise(raw)
    lines = clean.text.splitlines()
    assert "- The understanding of a high rate of" in lines and "- The quality of direct work." in lines
    assert "- The support to homeless 16 and 17 year olds." in lines
    assert "1. Ensure that managers have capacity." in lines and "2. Ensure that all children see a dentist." in lines
    assert "Capacity" in lines and "\u25fc" not in clean.text
    _assert_letters_map_back(raw, clean)


def test_a_column_of_list_numbers_after_the_column_of_items_goes_to_them_in_order() -> None:
    # pdfminer prints a list whose text cell comes first as the items' paragraphs, then the numbers
    raw = ("Recommendations\n\nRevise the protocol for homeless young\npeople.\n\nEnsure that timescales are "
           "met.\n\nInvolve health professionals in\nstrategy discussions.\n\n1.\n\n2.\n\n3.\n\n8\n\n"
           "Summary for children and young people\n\nChildren are safe.\n")
    clean = normalise(raw)
    lines = clean.text.splitlines()
    assert "1. Revise the protocol for homeless young" in lines and "2. Ensure that timescales are met." in lines
    assert "3. Involve health professionals in" in lines
    assert "Summary for children and young people" in lines and "Recommendations" in lines
    _assert_letters_map_back(raw, clean)


def test_a_list_number_and_its_text_either_side_of_a_bare_page_number() -> None:
    raw = "Quality of practice\n9.\n\n4\n\nEnsure that all social work staff are clear about expectations.\n"
    assert "9. Ensure that all social work staff are clear about expectations." in normalise(raw).text.splitlines()


def test_a_list_ending_in_a_comma_does_not_run_into_the_labelled_line_below() -> None:
    raw = ("Team inspectors: Caroline Walsh HMI, Tara Geere HMI, Louise Warren HMI, Peter Green HMI,\n\n"
           "Shadow inspectors: Richard Beynon HMI\n")
    assert normalise(raw).text.splitlines()[-1] == "Shadow inspectors: Richard Beynon HMI"


def test_a_heading_in_a_long_reports_contents_and_at_a_page_top_is_kept() -> None:
    # a 12-page report: its contents list the heading, and the heading opens a later page
    contents = ("Contents\n\nSummary of findings\n\n2\n\nWhat does the local authority need to improve?\n\n4\n\n"
                "The local authority's strengths\n\n5\n")
    body = [f"Paragraph {i} of the report says something.\nIts second line {i}.\nIts third line {i}.\n"
            f"Its fourth line {i}.\n" for i in range(10)]
    body[3] = ("What does the local authority need to improve?\nPriority and immediate action\n"
               "1. Ensure that service managers have sufficient capacity.\nMore text here.\n")
    text = normalise("\f".join([contents, *body, "End.\n"])).text
    assert "need to improve?\nPriority and immediate action" in text


def test_a_heading_in_a_long_reports_contents_page_top_and_closing_table_is_kept() -> None:
    # a 22-page report: the heading is in its contents, opens a section's page and labels a row of the
    # record table on the last page; the running footer on every page is still dropped
    footer = "Sandwell Council Inspection of looked after children services"
    contents = "Contents\n\nLeadership and management\n\n19\n"
    body = [f"Paragraph {i} of the report says something.\nIts second line {i}.\nIts third line {i}.\n"
            f"Its fourth line {i}.\n\n{footer}\n\n{i + 2}\n" for i in range(20)]
    body[17] = f"Leadership and management\n\nGrade 4 (Inadequate)\n64. Leadership is inadequate.\n\n{footer}\n\n19\n"
    table = "Record of main findings\nQuality of provision\n\nInadequate\n\nLeadership and management\n\nInadequate\n"
    text = normalise("\f".join([contents, *body, table])).text
    assert text.count("Leadership and management") == 3
    assert footer not in text


def test_html_table_rows_and_self_closing_breaks_are_consecutive_lines() -> None:
    from ofsted_kg.extract.reading import html_to_text

    markup = ("<table><tr><td>Ofsted<br/>Clive House<br/>London</td></tr></table>"
              "<table><tr><td>Ms Jo Bramwell</td><td></td></tr><tr><td>Director of Children's Services</td></tr>"
              "<tr><td>Wigan Council</td><td>12 March 2026</td></tr></table><p>Dear Ms Bramwell</p>")
    text = html_to_text(markup)
    assert "Ofsted\nClive House\nLondon\n" in text
    assert "Ms Jo Bramwell\nDirector of Children's Services\nWigan Council  12 March 2026\n\nDear" in text


def test_a_letter_pasted_twice_keeps_its_lines_at_page_edges() -> None:
    letter = ("Dear Ms Rowe\n\nThis letter summarises the findings of the visit.\n\n"
              "- the quality of care planning for children\n- the stability of placements\n\f"
              "Inspectors found progress.\n\nYours sincerely\n\nFiona Marchbank\nHer Majesty's Inspector\n\f")
    raw = "Agenda Item 7\n\nAppendix 1\n\n" + letter + "Appendix 2\n\nThe letter is reproduced below.\n\n" + letter
    text = normalise(raw).text
    assert text.count("Fiona Marchbank") == 2 and text.count("Yours sincerely") == 2
    assert text.count("the stability of placements") == 2
    # a running footer still goes: the same line beside different text on each page
    pages = [f"Body text number {i} goes here.\nMore of page {i}.\nAnd a third line {i}.\nLast line {i}.\n"
             "Monitoring visit to Wigan children's services\n\f" for i in range(3)]
    assert "Monitoring visit to Wigan" not in normalise("".join(pages)).text


def test_kerning_splits_of_the_genres_words_are_joined() -> None:
    raw = ("At the last inspect ion, services were judged to require improvem ent to be good.\n"
           "They were once outst anding; housing was in adequate supply.\n")
    clean = normalise(raw)
    assert "last inspection," in clean.text
    assert "require improvement to be good" in clean.text
    assert "once outstanding;" in clean.text
    assert "in adequate supply" in clean.text  # a real word pair is kept
    i = clean.text.index("inspection")
    assert clean.raw[clean.offsets[i]:clean.offsets[i + len("inspection") - 1] + 1] == "inspect ion"


def test_markdown_backslash_escapes_are_dropped() -> None:
    raw = "His Majesty\\'s Inspectors were **Tobias Wrenfield** and **Nadia Oyelaran\\-Smith**.\n\n1\\. An item\n"
    clean = normalise(raw)
    assert "Nadia Oyelaran-Smith." in clean.text
    assert "\\" not in clean.text and "1. An item" in clean.text
    _assert_letters_map_back(raw, clean)


def test_ocr_confusions_in_the_genres_cue_words_are_repaired() -> None:
    raw = ("0FSTED\n\nRnonitoring visit\n\nThis letter surnmarises the fifth rnonitoring visit. "
           "Her Majesty’s lnspectors A and B; 1nspection; assessrnents and managernent.\n")
    clean = normalise(raw)
    assert clean.text.split("\n\n")[:2] == ["OFSTED", "Monitoring visit"]
    assert normalise("0fsted, LNSPECTOR, Januarv").text == "Ofsted, INSPECTOR, January\n"
    assert "summarises the fifth monitoring visit" in clean.text
    assert "Her Majesty's Inspectors A and B; Inspection; assessments and management." in clean.text
    raw_spans = [clean.to_raw(m.start(), m.end()) for m in re.finditer("monitoring", clean.text)]
    assert [raw[a:b] for a, b in raw_spans] == ["rnonitoring"]  # lower-case "monitoring" once; maps back
    # clean text, and words that merely look alike, are left alone
    plain = "Inspectors looked at modern learning, burn units and Ofsted's inspection of 'rn' forms.\n"
    assert normalise(plain).text == plain


def test_ocr_letters_in_dates_are_read_as_digits_only_next_to_a_month() -> None:
    clean = normalise("1O January 2O19\n\nvisit on 2l and 3O Decernber 2O18; judged good in Januarv 2O18.\n")
    assert clean.text.startswith("10 January 2019\n\nvisit on 21 and 30 December 2018; judged good in January 2018.")
    assert parse_run(clean.text) is not None and parse_run(clean.text).start == date(2019, 1, 10)  # type: ignore[union-attr]
    for plain in ("Room 1O and flat 2l", "In May 2019 I met", "lO May", "Item O1 in June"):
        assert normalise(plain).text.rstrip("\n") == plain


def test_a_form_feed_written_out_as_text_separates_paragraphs() -> None:
    raw = "7 June 2024  \n\\f\nMs Lorraine Abernethy-Cole  \nExecutive Director  \n^L\nThe following areas:  \n\\f\n- one\n"
    clean = normalise(raw)
    assert clean.text == "7 June 2024\n\nMs Lorraine Abernethy-Cole\nExecutive Director\n\nThe following areas:\n\n- one\n"


def test_ocr_letters_in_the_days_of_a_run_before_its_month() -> None:
    assert normalise("on 1O and 1l February 2O19, 3O-31 May").text == "on 10 and 11 February 2019, 30-31 May\n"
    assert normalise("Rooms 1O and 1l, May 2019").text == "Rooms 1O and 1l, May 2019\n"


def test_genre_words_hyphenated_at_a_line_end_are_joined() -> None:
    raw = ("the third moni-\ntoring visit, by Her Majesty's Inspec-\ntors A and B, judged inadequate in Novem-\n"
           "ber 2017. A multi-\nagency team; Imogen Calloway-\nReid; well-\nbeing.\n")
    clean = normalise(raw)
    assert clean.text == ("the third monitoring\nvisit, by Her Majesty's Inspectors\nA and B, judged inadequate in November\n"
                          "2017. A multi-\nagency team; Imogen Calloway-\nReid; well-\nbeing.\n")
    _assert_letters_map_back(raw, clean)


@pytest.mark.parametrize("glyph", ["\u25fc", "\u25fe", "\uf06e", "\uf0a8", "\u27a2", "\u25a1"])
def test_bullet_glyphs_of_real_reports_start_an_item(glyph: str) -> None:
    # ILACS reports bullet "What needs to improve?" with ◼ (U+25FC); older ones with a Wingdings
    # square that pypdf gives as a private-use code point (U+F06E)
    raw = (f"What needs to improve?\n{glyph} The timeliness of plans for children in care.\n"
           f"{glyph} Manageable caseloads for social workers.\n")
    clean = normalise(raw)
    assert clean.text.splitlines()[:3] == ["What needs to improve?", "- The timeliness of plans for children in care.",
                                           "- Manageable caseloads for social workers."]
    _assert_letters_map_back(raw, clean)


@pytest.mark.parametrize(("phrase", "periods"), [
    ("on 5 to 9 December 2022 and 14 to 15 February 2023.", [("2022-12-05", "2022-12-09"), ("2023-02-14", "2023-02-15")]),
    ("on 8 and 9 January 2019", [("2019-01-08", "2019-01-09")]),
    ("on 30 November and 1 December 2023", [("2023-11-30", "2023-12-01")]),
    ("on 14 and 21 May 2019", [("2019-05-14", "2019-05-14"), ("2019-05-21", "2019-05-21")]),
])
def test_a_visit_in_several_blocks_keeps_each_block(phrase: str, periods: list[tuple[str, str]]) -> None:
    run = parse_run(phrase)
    assert run is not None
    assert [(a.isoformat(), b.isoformat()) for a, b in run.periods] == periods
    assert (run.start.isoformat(), run.end.isoformat()) == (periods[0][0], periods[-1][1])


@pytest.mark.parametrize("mark", ["\u0192", "\u00a7", "\u00d8", "\u00fc", "(cid:127)"])
def test_a_symbol_bullet_mapped_to_a_latin_letter_starts_an_item(mark: str) -> None:
    """Older letters' Symbol/Wingdings bullets come out of some text layers as "ƒ", "§", "Ø" or "ü", and
    pdfminer prints an unmapped one as "(cid:N)": each item is then one item, its glyph gone."""
    raw = (f"Strengths\n{mark} All contacts are rigorously screened by a multi-disciplinary team. This facilitates\n"
           f"the effective prioritisation of contacts.\n{mark} Social workers are well supported.\n")
    clean = normalise(raw)
    assert clean.text.splitlines()[1:4] == [
        "- All contacts are rigorously screened by a multi-disciplinary team. This facilitates",
        "the effective prioritisation of contacts.", "- Social workers are well supported."]
    _assert_letters_map_back(raw, clean)


@pytest.mark.parametrize("line", ["\u00a7 12 of the Act applies", "\u00fc.", "Ø"])
def test_a_latin_letter_that_is_not_before_a_word_is_kept(line: str) -> None:
    assert normalise(line + "\n").text.splitlines()[0] == line


def test_a_minus_sign_is_a_bullet() -> None:
    assert normalise("includes:\n\u2212 ensuring capacity in the MASH\n").text.splitlines()[1] == \
        "- ensuring capacity in the MASH"


# A PDF converted by poppler's pdftohtml: each block of lines a <p> placed on its page, lines parted by
# <br/>, blocks broken wherever the converter chose (mid-sentence, mid-line), an empty line as a block
# of its own, later pages' classes never defined, and the document's outline repeated at the end.
_PLACED_HTML = """<!DOCTYPE html><html><head><title>x</title><style type="text/css">
<!--
.ft10{font-size:18px;font-family:Tahoma;}
.ft111{font-size:18px;line-height:21px;font-family:Tahoma;}
.ft112{font-size:18px;line-height:21px;font-family:Tahoma,Bold;}
-->
</style></head><body>
<div id="page1-div" style="position:relative;width:892px;height:1262px;">
<p style="position:absolute;top:400px;left:108px;white-space:nowrap" class="ft112">Focused visit to Tameside</p>
<p style="position:absolute;top:430px;left:108px;white-space:nowrap" class="ft10">&#160;</p>
<p style="position:absolute;top:452px;left:108px;white-space:nowrap" class="ft111">This letter summarises the visit on<br/>12 May 2021. Inspectors were Paula Jones, Kathryn&#160;</p>
<p style="position:absolute;top:494px;left:108px;white-space:nowrap" class="ft111">Grindrod and Alison Smale. The visit<br/>judged services to</p>
<p style="position:absolute;top:515px;left:300px;white-space:nowrap" class="ft111">be good.</p>
</div>
<div id="page2-div" style="position:relative;width:892px;height:1262px;">
<p style="position:absolute;top:110px;left:108px;white-space:nowrap" class="ft28">&#9724;</p>
<p style="position:absolute;top:110px;left:122px;white-space:nowrap" class="ft29">&#160;&#160;The quality of plans for children who are subject to</p>
<p style="position:absolute;top:131px;left:129px;white-space:nowrap" class="ft20">pre-proceedings.</p>
<p style="position:absolute;top:200px;left:108px;white-space:nowrap" class="ft20">Yours sincerely</p>
</div>
<a name="outline"></a><h1>Document Outline</h1><ul><li><a href="x.html#1">Focused visit to Tameside</a></li></ul>
</body></html>"""


def test_pdftohtml_placed_blocks_read_as_lines_and_paragraphs() -> None:
    from ofsted_kg.extract.reading import html_to_text
    text = html_to_text(_PLACED_HTML).replace("\xa0", " ")
    lines = [line.strip() for line in text.split("\n")]
    # a block that starts where the last one's next line would: the same paragraph, the name kept whole
    assert "12 May 2021. Inspectors were Paula Jones, Kathryn" in lines
    assert lines[lines.index("12 May 2021. Inspectors were Paula Jones, Kathryn") + 1] == "Grindrod and Alison Smale. The visit"
    # a block on its last line's height: the same line
    assert any(re.fullmatch(r"judged services to\s+be good\.", line) for line in lines)
    # an empty block: a paragraph break; a new page: a form feed
    assert re.search(r"Focused visit to Tameside\n\s*\n\s*This letter", text)
    assert text.count("\f") == 1
    # a glyph and its text at one height: one line; an undefined class wraps at the body's line height
    assert any(re.fullmatch(r"◼\s+The quality of plans for children who are subject to", line) for line in lines)
    assert lines[lines.index(next(x for x in lines if x.startswith("◼"))) + 1] == "pre-proceedings."
    # the converter's outline is not the document's text
    assert text.count("Focused visit to Tameside") == 1 and text.rstrip().endswith("Yours sincerely")


def test_a_pdftohtml_page_gives_the_evidence_its_page(tmp_path: Any) -> None:
    from ofsted_kg.extract.reading import read_document
    f = tmp_path / "letter.html"
    f.write_text(_PLACED_HTML, encoding="utf-8")
    doc = read_document(f)
    assert len(doc.page_starts) == 2
    assert doc.page_of(doc.text.index("Yours sincerely")) == 2 and doc.page_of(doc.text.index("Grindrod")) == 1


@pytest.mark.parametrize("mark", ["m™", "m@", "™@", "™", "@", "m®", "m"])
def test_a_square_bullet_as_ocr_reads_it_starts_an_item(mark: str) -> None:
    """Tesseract reads the focused visits' ◼ as these marks (seen on the real set printed and read back)."""
    raw = (f"What needs to improve in this area of social work practice\n{mark} The quality of supervision.\n"
           f"{mark} The reliability of the online referral process so leaders can be assured that referrals are\n"
           "not lost.\n\nFindings\n")
    clean = normalise(raw)
    assert clean.text.splitlines()[1:4] == [
        "- The quality of supervision.", "- The reliability of the online referral process so leaders can be assured "
        "that referrals are", "not lost."]
    _assert_letters_map_back(raw, clean)


def test_a_lone_m_is_a_bullet_only_before_a_capital() -> None:
    assert normalise("the distance was 5\nm and more\n").text.splitlines()[1] == "m and more"


@pytest.mark.parametrize(("raw", "clean"), [
    ("J oint targeted area inspection of the multi-agency response", "Joint targeted area inspection of the multi-agency response"),
    ("F ocused visit to Liverpool children's services", "Focused visit to Liverpool children's services"),
    ("A good start to the year", "A good start to the year"),  # a real one-letter word stays
    ("I am copying this letter", "I am copying this letter"),
])
def test_a_titles_first_letter_set_apart_by_ocr_is_joined(raw: str, clean: str) -> None:
    out = normalise(raw + "\n")
    assert out.text.splitlines()[0] == clean
    _assert_letters_map_back(raw + "\n", out)


def test_a_header_of_several_lines_is_peeled_from_each_page() -> None:
    """A joint letter printed and read back by OCR: the inspectorates' logos head every page as several
    lines of text, one of them misread differently on each page; a list runs on over the page break."""
    def head(misread: str) -> str:
        return (f"{misread}\n\nHMICFRS\n\nHer Majesty's Inspectorate of Constabulary\nand Fire & Rescue Services\n\n"
                "Care Quality Commission Ofsted\n\nimproving lives\n\n")
    raw = (head("Kk") + "Dear partners\n\nWhat needs to improve?\n\n- The quality of referrals to the MASH.\n\f"
           + head("ea dere") + "- The timeliness of the police response to incidents.\n\nMain findings\n\n"
           "Leaders know their services well.\n\f" + head("ea dere") + "Partners work well together.\n\n"
           "Plans are clear.\n\f" + head("ea dere") + "Yours sincerely\n\nYvette Stanley\n")
    lines = normalise(raw).text.splitlines()
    i = lines.index("- The quality of referrals to the MASH.")
    assert [x for x in lines[i + 1:] if x.strip()][0] == "- The timeliness of the police response to incidents."
    assert not any("improving lives" in x or "Constabulary" in x for x in lines)


def test_a_phone_number_is_not_a_name() -> None:
    from ofsted_kg.extract.names import is_plausible_name
    assert not is_plausible_name("0161 618 8524")
    assert is_plausible_name("Mac Heath")


@pytest.mark.parametrize("raw, lines", [
    # a list heading run on at the end of the paragraph above it
    ("Leaders know this. What needs to improve in this area of social work practice\n\n- The timeliness of referrals.",
     ["Leaders know this.", "What needs to improve in this area of social work practice", "- The timeliness of referrals."]),
    # ... or at the start of its first item's line
    ("Areas for improvement Leaders across the partnership must ensure that plans are discussed.",
     ["Areas for improvement", "Leaders across the partnership must ensure that plans are discussed."]),
    # "Strengths" ends an item only when an item follows it
    ("- Oversight of notifications by police. Strengths\n\n- The robust oversight of the MASH.",
     ["- Oversight of notifications by police.", "Strengths", "- The robust oversight of the MASH."]),
    ("services. Key strengths and weaknesses of the LSCB\n\n\uf06e The recent appointment of a chair.",
     ["services.", "Key strengths and weaknesses of the LSCB", "- The recent appointment of a chair."]),
    # a wrapped sentence that starts with a heading's word is prose
    ("public oversight. Recommendations\nare closely tracked and published.",
     ["public oversight. Recommendations", "are closely tracked and published."]),
    ("Inspectors agreed. What needs to improve\nis clear to leaders.",
     ["Inspectors agreed. What needs to improve", "is clear to leaders."]),
    # a name hyphenated at a line end, the lines joined with a space
    ("Team inspectors: Dominic Porter- Moore, Lynn Radley; pre- and post-birth",
     ["Team inspectors: Dominic Porter-Moore, Lynn Radley; pre- and post-birth"]),
    # numbered items run together on one line, each its own item; other numbers stay
    ("1. Ensure that supervision is regular. 2. Ensure that plans are timely. 4. Not the next number.",
     ["1. Ensure that supervision is regular.", "2. Ensure that plans are timely. 4. Not the next number."]),
])
def test_text_whose_paragraphs_were_joined_gets_its_headings_and_items_back(raw: str, lines: list[str]) -> None:
    clean = normalise(raw)
    assert [ln.strip() for ln in clean.text.split("\n") if ln.strip()] == lines
    _assert_letters_map_back(raw, clean)
