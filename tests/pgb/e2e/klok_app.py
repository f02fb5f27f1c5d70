"""The pgb app with a test clock: 'today' is read from the file named by ``PGB_E2E_KLOK`` (an ISO date), so the
browser test can submit each month's declaration in its own month of 2015 (the year whose amounts are known)."""

import datetime as dt
import os
from pathlib import Path

from wlz.pgb.app import create_app as _create_app


def create_app():
    app = _create_app()
    klok = Path(os.environ["PGB_E2E_KLOK"])
    app.state.vandaag = lambda: dt.date.fromisoformat(klok.read_text().strip())
    return app
