#!/usr/bin/env python3
"""Compare data/holidays.toml with the Python package `holidays`, year by year.

Run by hand (not part of the tests), from anywhere in the repository:

    pip install holidays==0.109
    python3 scripts/check-holidays.py [path/to/holidays.toml]

Needs Python 3.11 or later (tomllib) and only the `holidays` package, version 0.109: it holds
Indonesia's libur nasional ("public") and cuti bersama ("government") up to 2027, from the
SKB 3 Menteri (holidays/countries/indonesia.py cites its sources). Another version may list
other dates.

For every year that has a date in the file, it compares, date for date:
  - the dates: in the file but not in the package, and in the package but not in the file;
  - the kind: libur_nasional = the package's "public" category, cuti_bersama = "government";
  - `estimated = true` in the file against the package's "(estimated)" label (Idulfitri and
    Iduladha before the sidang isbat).
Names are not compared (the file uses the SKB's wording, the package its own).

Prints one line per difference and a summary per year; exits with status 1 if there is any
difference, 0 if the file and the package agree.
"""

import datetime
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

try:
    import holidays
except ImportError:
    sys.exit("check-holidays: the package is missing: pip install holidays==0.109")

WANT_VERSION = "0.109"
KIND_OF_CATEGORY = {"public": "libur_nasional", "government": "cuti_bersama"}


def package_year(year):
    """{date: (set of kinds, estimated)} of the package for one year."""
    out = {}
    for category, kind in KIND_OF_CATEGORY.items():
        # English names, so the estimate label is "(estimated)" whatever the default language.
        days = holidays.country_holidays(
            "ID", categories=(category,), years=year, language="en_US"
        )
        for date, name in days.items():
            kinds, estimated = out.get(date, (set(), False))
            kinds.add(kind)
            out[date] = (kinds, estimated or "(estimated)" in name)
    return out


def main():
    root = Path(__file__).resolve().parent.parent
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else root / "data" / "holidays.toml"
    if holidays.__version__ != WANT_VERSION:
        print(
            f"warning: holidays {holidays.__version__} installed, "
            f"this check was written for {WANT_VERSION}"
        )
    with open(path, "rb") as f:
        data = tomllib.load(f)

    # {year: {date: (set of kinds, estimated)}} of the file.
    ours = defaultdict(dict)
    problems = 0
    for h in data.get("holidays", []):
        date = h["date"]
        if isinstance(date, str):
            date = datetime.date.fromisoformat(date)
        kinds, estimated = ours[date.year].get(date, (set(), False))
        kinds.add(h["kind"])
        ours[date.year][date] = (kinds, estimated or bool(h.get("estimated", False)))

    for year in sorted(ours):
        mine = ours[year]
        theirs = package_year(year)
        agree = 0
        for date in sorted(set(mine) | set(theirs)):
            day = date.strftime("%a")
            if date not in theirs:
                print(f"{date} ({day}): in the file ({', '.join(sorted(mine[date][0]))}), not in the package")
                problems += 1
                continue
            if date not in mine:
                kinds = ", ".join(sorted(theirs[date][0]))
                print(f"{date} ({day}): in the package ({kinds}), not in the file")
                problems += 1
                continue
            (my_kinds, my_est), (their_kinds, their_est) = mine[date], theirs[date]
            ok = True
            if my_kinds != their_kinds:
                print(
                    f"{date} ({day}): kind {', '.join(sorted(my_kinds))} in the file, "
                    f"{', '.join(sorted(their_kinds))} in the package"
                )
                ok = False
            if my_est != their_est:
                print(
                    f"{date} ({day}): estimated = {str(my_est).lower()} in the file, "
                    f"the package {'marks' if their_est else 'does not mark'} it (estimated)"
                )
                ok = False
            if ok:
                agree += 1
            else:
                problems += 1
        total = len(set(mine) | set(theirs))
        print(f"{year}: {agree} of {total} dates agree")

    if problems:
        print(f"{problems} difference(s)")
        return 1
    print("data/holidays.toml agrees with holidays", holidays.__version__)
    return 0


if __name__ == "__main__":
    sys.exit(main())
