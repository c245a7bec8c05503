"""Names and titles without bidirectional control characters (Trojan Source reordering)."""

import pytest
from django import forms

from core.text import BIDI_CONTROLS, PlainTextField, strip_bidi_controls


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
