"""Names and titles without bidirectional control characters (Trojan Source reordering)."""

import pytest
from django import forms

from core.text import BIDI_CONTROLS, PlainTextField, one_line, plain_text, strip_bidi_controls


def test_strip_bidi_controls_removes_each_control():
    for control in BIDI_CONTROLS:
        assert strip_bidi_controls(f"Ada{control} Lovelace") == "Ada Lovelace"


def test_strip_bidi_controls_removes_a_right_to_left_override():
    assert strip_bidi_controls("Invoice \u202efdp.exe") == "Invoice fdp.exe"


def test_strip_bidi_controls_keeps_right_to_left_scripts():
    assert strip_bidi_controls("مرحبا שלום Zürich") == "مرحبا שלום Zürich"


def test_strip_bidi_controls_leaves_other_values_alone():
    assert strip_bidi_controls(None) is None


class NameForm(forms.Form):
    name = PlainTextField(max_length=10)


def test_plain_text_field_cleans_controls_and_outer_spaces():
    form = NameForm({"name": " \u2067Ada\u2069 "})

    assert form.is_valid()
    assert form.cleaned_data["name"] == "Ada"


def test_plain_text_field_counts_only_controls_as_empty():
    form = NameForm({"name": "\u202e\u202d"})

    assert not form.is_valid()
    assert form.errors["name"] == ["This field is required."]


@pytest.mark.parametrize("length", [10, 11])
def test_plain_text_field_measures_the_length_without_controls(length):
    form = NameForm({"name": "a" * length + "\u200f" * 5})

    assert form.is_valid() is (length <= 10)


def test_plain_text_removes_c0_and_c1_controls_and_makes_tabs_spaces():
    assert plain_text("Ada\x00\x07\x1b\x7f\x85\x9b\tLovelace") == "Ada Lovelace"


def test_plain_text_keeps_line_breaks_for_the_field_to_refuse():
    assert plain_text("Ada\r\nLovelace") == "Ada\r\nLovelace"


@pytest.mark.parametrize("line_break", ["\r", "\n", "\r\n", "\u2028", "\u2029"])
def test_plain_text_field_refuses_a_line_break_inside_the_value(line_break):
    form = NameForm({"name": f"Ada{line_break}Bcc"})

    assert not form.is_valid()
    assert form.errors["name"] == ["Please keep this to one line: it cannot contain line breaks."]


def test_plain_text_field_only_trims_a_line_break_at_the_end():
    form = NameForm({"name": "Ada\r\n"})

    assert form.is_valid()
    assert form.cleaned_data["name"] == "Ada"


def test_one_line_is_what_may_go_into_a_mail_header():
    assert one_line("Evil\u202e\r\nBcc: x@example.org\x00") == "Evil  Bcc: x@example.org"
