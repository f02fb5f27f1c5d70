"""The page shell: Dutch figures and dates as the pages always showed them, and a context's page on the shell."""

import datetime as dt

from starlette.requests import Request

from wlz.platform.pages import datum, euro, page_templates, procent, render


def test_amounts_percentages_and_dates_read_dutch():
    assert [euro(v) for v in (None, 0, 1234.5, -12.5, "12.30", 1234567.891)] == [
        "—", "€ 0,00", "€ 1.234,50", "€ -12,50", "€ 12,30", "€ 1.234.567,89",
    ]  # fmt: skip
    assert [procent(v) for v in (None, 0.25, 0.9549, 1.0)] == ["—", "25,0%", "95,5%", "100,0%"]
    assert [datum(v) for v in (None, dt.date(2024, 1, 5), "2024-03-01")] == ["—", "05-01-2024", "01-03-2024"]


def test_a_context_page_renders_on_the_shell_with_the_session_message(tmp_path):
    (tmp_path / "base.html").write_text(
        '{% extends "shell.html" %}{% block merk %}wlz ciz{% endblock %}'
        '{% block navigatie %}<a href="/x">X</a>{% endblock %}'
    )
    (tmp_path / "start.html").write_text('{% extends "base.html" %}{% block inhoud %}{{ 1234.5|euro }}{% endblock %}')
    templates = page_templates(tmp_path)
    request = Request({"type": "http", "method": "GET", "path": "/", "headers": [], "session": {"melding": "Klaar."}})
    html = render(templates, request, "start.html").body.decode()
    assert '<a class="merk" href="/">wlz ciz</a>' in html and '<a href="/x">X</a>' in html
    assert '<p class="melding" role="status">Klaar.</p>' in html and "€ 1.234,50" in html
    assert '<link rel="stylesheet" href="/static/wlz.css">' in html
    fout = render(templates, request, "fout.html", code=404, status_code=404, bericht="Weg.").body.decode()
    assert "<h1>Niet gevonden</h1>" in fout and "wlz ciz" in fout
