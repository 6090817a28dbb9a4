#!/usr/bin/python3
"""Peer cross-check for Trap's source extraction: photutils on the same FITS images.

Run by Debian's /usr/bin/python3 with python3-photutils (apt-get install -y python3-photutils).
For each image: Background2D (sigma-clipped median background and std RMS on a back_size grid),
detect_sources at the analysis threshold with 4-connectivity (as TraP), segments kept when their
brightest pixel reaches the detection threshold, then SourceCatalog. Fluxes are converted from
Jy/beam summed over pixels to Jy by the beam area pi*smaj*smin/ln2 (semi-axes in pixels).

usage: photutils_extract.py --smaj PX --smin PX [--det 8] [--anl 3] [--back-size 50] [--margin 10] FILE...
prints one JSON object per image: file, seconds (extraction only, FITS reading excluded), sources.
"""
import argparse
import json
import math
import sys
import time

import numpy as np
from astropy.io import fits
from astropy.stats import SigmaClip
from photutils.background import Background2D, MedianBackground, StdBackgroundRMS
from photutils.segmentation import SourceCatalog, detect_sources


def extract(data, args):
    mask = ~np.isfinite(data)
    if args.margin > 0:
        m = args.margin
        mask[:m, :] = True
        mask[-m:, :] = True
        mask[:, :m] = True
        mask[:, -m:] = True
    bkg = Background2D(data, (args.back_size, args.back_size), filter_size=(1, 1), mask=mask,
                       sigma_clip=SigmaClip(sigma=3.0), bkg_estimator=MedianBackground(),
                       bkgrms_estimator=StdBackgroundRMS())
    residual = data - bkg.background
    segments = detect_sources(residual, args.anl * bkg.background_rms, npixels=1, connectivity=4, mask=mask)
    if segments is None:
        return []
    catalog = SourceCatalog(residual, segments, mask=mask, error=bkg.background_rms)
    beam_area = math.pi * args.smaj * args.smin / math.log(2)
    sources = []
    rms = bkg.background_rms
    for row in catalog:
        peak_x, peak_y = int(row.maxval_xindex), int(row.maxval_yindex)
        # Keep a segment when its brightest pixel beats the detection threshold (TraP tests any pixel;
        # the brightest one is the closest single-pixel proxy for photutils segments).
        if row.max_value < args.det * rms[peak_y, peak_x]:
            continue
        kron = float(row.kron_flux) if np.isfinite(row.kron_flux) else None
        sources.append({
            "x": float(row.xcentroid),
            "y": float(row.ycentroid),
            "peak": float(row.max_value),
            "segment_flux_jy": float(row.segment_flux) / beam_area,
            "kron_flux_jy": None if kron is None else kron / beam_area,
            "npix": int(row.area.value),
        })
    return sources


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smaj", type=float, required=True, help="beam semi-major axis (pixels)")
    parser.add_argument("--smin", type=float, required=True, help="beam semi-minor axis (pixels)")
    parser.add_argument("--det", type=float, default=8.0)
    parser.add_argument("--anl", type=float, default=3.0)
    parser.add_argument("--back-size", type=int, default=50)
    parser.add_argument("--margin", type=int, default=10)
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    for path in args.files:
        with fits.open(path) as hdul:
            data = np.squeeze(hdul[0].data).astype(np.float64)
        start = time.perf_counter()
        sources = extract(data, args)
        seconds = time.perf_counter() - start
        print(json.dumps({"file": path, "seconds": seconds, "sources": sources}))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
