"""Writes ephemeris-reference.csv: apparent geocentric (GCRS) RA/Dec of the Sun and Jupiter from
astropy's built-in ephemeris at pseudo-random UTC instants 1990-2040, the reference for
Trap's low-precision ephemeris tests. Run with Debian's astropy: /usr/bin/python3 make_ephemeris_reference.py"""
import random
from astropy.time import Time
from astropy.coordinates import get_body, solar_system_ephemeris
from astropy.utils import iers

iers.conf.auto_download = False
random.seed(20261124)
start, end = Time("1990-01-01T00:00:00", scale="utc"), Time("2040-12-31T00:00:00", scale="utc")
rows = []
with solar_system_ephemeris.set("builtin"):
    for _ in range(120):
        t = Time(start.jd + random.random() * (end.jd - start.jd), format="jd", scale="utc")
        iso = t.isot[:19]
        t = Time(iso, scale="utc")
        for body in ("sun", "jupiter"):
            c = get_body(body, t)
            rows.append(f"{iso},{body},{c.ra.deg:.6f},{c.dec.deg:.6f}")
with open("ephemeris-reference.csv", "w") as f:
    f.write("utc,body,ra_deg,dec_deg\n")
    f.write("\n".join(rows) + "\n")
