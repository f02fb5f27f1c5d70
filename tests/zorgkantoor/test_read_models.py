"""The API's hot reads answer with the read models' columns as they come: each response model documents
exactly those fields, in that order, so the OpenAPI describes what the answer holds."""

from wlz.zorgkantoor.api import schemas as s
from wlz.zorgkantoor.api.antwoord import fields
from wlz.zorgkantoor.storage import read_models


def test_client_list_answers_with_its_read_model():
    assert fields(s.ClientKort) == read_models.CLIENT_LIST


def test_client_file_parts_answer_with_their_read_models():
    per_part = {
        "client": s.ClientUit,
        "indicaties": s.IndicatieUit,
        "keuzes": s.KeuzeUit,
        "toewijzingen": s.ToewijzingUit,
        "aanvragen": s.AanvraagKort,
    }
    assert {part: fields(model) for part, model in per_part.items()} == read_models.CLIENT_FILE


def test_work_list_answers_with_its_read_model():
    assert fields(s.AanvraagKort) == read_models.WORK_LIST
