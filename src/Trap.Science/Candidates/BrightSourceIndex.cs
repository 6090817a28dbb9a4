using Trap.Formats.Wcs;

namespace Trap.Science.Candidates;

/// <summary>
/// The catalogue's sources ordered by flux, brightest first, so the search for a candidate's bright
/// neighbour only walks the sources bright enough to matter.
/// </summary>
public sealed class BrightSourceIndex
{
    private readonly BrightSource[] _byFlux;

    public BrightSourceIndex(IEnumerable<BrightSource> sources)
    {
        _byFlux = sources.OrderByDescending(s => s.FluxJy).ThenBy(s => s.RuncatId).ToArray();
    }

    /// <summary>The nearest source other than <paramref name="runcatId"/> with flux ≥ <paramref name="minFluxJy"/>, and its distance (deg).</summary>
    public (BrightSource Source, double DistanceDeg)? Nearest(long runcatId, double raDeg, double decDeg, double minFluxJy)
    {
        (BrightSource, double)? best = null;
        foreach (var source in _byFlux)
        {
            if (source.FluxJy < minFluxJy) break;
            if (source.RuncatId == runcatId) continue;
            var distance = SkyGeometry.SeparationDeg(raDeg, decDeg, source.RaDeg, source.DecDeg);
            if (best is null || distance < best.Value.Item2) best = (source, distance);
        }
        return best;
    }
}
