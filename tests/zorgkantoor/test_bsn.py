import random

import pytest

from wlz import bsn


def test_elfproef_accepts_valid_and_rejects_changed_digit():
    nummer = bsn.synthetisch(random.Random(1))
    assert bsn.elfproef(nummer)
    fout = nummer[:-1] + str((int(nummer[-1]) + 1) % 10)
    assert not bsn.elfproef(fout)


def test_error_never_contains_the_number():
    nummer = bsn.synthetisch(random.Random(2))
    fout = nummer[:4] + str((int(nummer[4]) + 3) % 10) + nummer[5:]
    with pytest.raises(bsn.OngeldigBSN) as exc:
        bsn.normaliseer(fout)
    assert fout not in str(exc.value)
    assert exc.value.veld == "bsn"


def test_normaliseer_strips_separators_and_restores_leading_zero():
    assert bsn.normaliseer("1112.22.333") == "111222333"
    met_nul = bsn.synthetisch(random.Random(3), prefix="0")
    assert bsn.normaliseer(int(met_nul)) == met_nul
