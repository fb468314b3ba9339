"""The NL Design System inclusion tags render accessible Utrecht markup."""

import pytest
from django.http import QueryDict
from django.template import Context, Template, TemplateSyntaxError

from mijnomgeving.templatetags.nlds import Link


def render(source: str, **context: object) -> str:
    return Template("{% load nlds %}" + source).render(Context(context))


def test_button_link_is_an_anchor_styled_as_a_button() -> None:
    html = render('{% button_link href="/inloggen/" label="Inloggen met DigiD" %}')

    assert 'href="/inloggen/"' in html
    assert "utrecht-button-link--primary-action" in html
    assert ">Inloggen met DigiD</a>" in html


def test_button_submits_with_name_and_value() -> None:
    html = render('{% button label="Opslaan" variant="secondary" name="actie" value="opslaan" %}')

    assert 'type="submit"' in html
    assert "utrecht-button--secondary-action" in html
    assert 'name="actie" value="opslaan"' in html


def test_unknown_variant_is_an_error_not_a_blank_style() -> None:
    with pytest.raises(TemplateSyntaxError):
        render('{% button_link href="/" label="x" variant="roze" %}')


@pytest.mark.parametrize(
    ("kind", "role"),
    [("info", "status"), ("ok", "status"), ("warning", "alert"), ("error", "alert")],
)
def test_alert_role_matches_its_urgency(kind: str, role: str) -> None:
    html = render(
        "{% alert message=message type=kind title='Let op' %}", message="Tekst", kind=kind
    )

    assert f"utrecht-alert--{kind}" in html
    assert f'role="{role}"' in html
    assert "Let op" in html


def test_alert_escapes_its_message() -> None:
    html = render("{% alert message=message %}", message="<script>x</script>")

    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_data_list_shows_pairs_links_and_a_dash_for_empty_values() -> None:
    items = [
        ("Zaaknummer", "ZAAK-1"),
        ("Document", Link("Besluit", "/doc/1/")),
        ("Einddatum", None),
    ]

    html = render("{% data_list items=items %}", items=items)

    assert '<dt class="utrecht-data-list__item-key">Zaaknummer</dt>' in html
    assert "ZAAK-1" in html
    assert 'href="/doc/1/">Besluit</a>' in html
    assert "&ndash;" in html


def test_breadcrumbs_mark_the_last_item_as_current() -> None:
    html = render(
        "{% breadcrumbs items=items %}",
        items=[Link("Overzicht", "/mijn-omgeving/"), ("Mijn zaken", "")],
    )

    assert 'aria-label="Kruimelpad"' in html
    assert 'href="/mijn-omgeving/">Overzicht</a>' in html
    assert 'aria-current="page">Mijn zaken</span>' in html


def test_pagination_is_an_accessible_nav_that_keeps_the_filters() -> None:
    html = render(
        "{% pagination number=5 num_pages=20 query=query %}", query=QueryDict("status=open&page=5")
    )

    assert '<nav class="utrecht-pagination" aria-label="Paginering">' in html
    assert html.count('aria-current="page"') == 1
    assert 'href="?status=open&amp;page=5" aria-current="page"' in html
    assert 'href="?status=open&amp;page=4" rel="prev"' in html
    assert 'href="?status=open&amp;page=6" rel="next"' in html
    assert 'page=20"' in html
    assert "page=10" not in html
    assert "&hellip;" in html


def test_pagination_renders_nothing_for_one_page() -> None:
    assert render("{% pagination number=1 num_pages=1 %}").strip() == ""


def test_pagination_has_no_previous_link_on_the_first_page() -> None:
    html = render("{% pagination number=1 num_pages=3 %}")

    assert 'rel="prev"' not in html
    assert 'href="?page=2" rel="next"' in html


def test_service_tile() -> None:
    html = render(
        "{% service_tile title='Mijn zaken' href='/mijn-zaken/' description='Uw aanvragen' %}"
    )

    assert 'href="/mijn-zaken/">Mijn zaken</a>' in html
    assert "Uw aanvragen" in html


def test_message_levels_map_to_alert_types() -> None:
    assert (
        render(
            "{{ 'success'|alert_type_for }} {{ 'error'|alert_type_for }} {{ 'x'|alert_type_for }}"
        )
        == "ok error info"
    )
