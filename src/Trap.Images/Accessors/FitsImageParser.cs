using Trap.Formats.Fits;
using Trap.Formats.Wcs;

namespace Trap.Images.Accessors;

/// <summary>
/// Turns a FITS image header into <see cref="ImageMetadata"/>: the generic path (WCS, pixel size,
/// frequency, beam, time, Stokes, centre) followed by the telescope parser TELESCOP selects.
/// </summary>
public static class FitsImageParser
{
    /// <summary>
    /// Parses <paramref name="header"/> of an image with axis lengths <paramref name="axes"/> (NAXIS1..n).
    /// <paramref name="url"/> names the image in metadata and errors.
    /// </summary>
    public static ImageMetadata Parse(FitsHeader header, IReadOnlyList<int> axes, string url, ImageReadOptions? options = null)
    {
        options ??= ImageReadOptions.Default;
        if (axes.Count < 2 || axes[0] < 1 || axes[1] < 1)
        {
            throw new ImageFormatException(url, $"the image has {axes.Count} axes ({string.Join("×", axes)}); a sky image needs NAXIS1 and NAXIS2 ≥ 1",
                "Give Trap a 2-D (or higher) image.");
        }
        var width = axes[0];
        var height = axes[1];
        ImageSizeBudget.Check(width, height, url, options);
        HeaderSanity.CheckCelestialReference(header, url);
        // Observation metadata first: a header lacking it is refused for that reason whatever its projection.
        var (dx, dy) = PixelScaleParser.Parse(header, url);
        var spectral = SpectralParser.Parse(header, url);
        var beam = BeamParser.Parse(header, options.BeamOverride, url);
        var time = ObservationTimeParser.Parse(header, url);
        var wcs = CelestialWcs.FromHeader(header, url);
        if (!wcs.TryPixelToSky(width / 2.0, height / 2.0, out var centreRa, out var centreDec))
        {
            throw new ImageFormatException(url, $"the image centre (pixel {width / 2.0}, {height / 2.0}) has no sky position in its WCS",
                "Check CRVAL/CRPIX/CDELT and the projection of the celestial axes.");
        }

        var warnings = new List<string>(spectral.Warnings);
        var planes = axes.Skip(2).Aggregate(1L, (product, length) => product * length);
        if (planes > 1)
        {
            warnings.Add($"the image is a cube ({string.Join("×", axes)}); only plane 0 is used");
        }

        var metadata = new ImageMetadata
        {
            Url = url,
            Telescope = (header.GetString("TELESCOP") ?? string.Empty).Trim(),
            Accessor = string.Empty,
            Width = width,
            Height = height,
            Wcs = wcs,
            PixelSizeXDeg = dx,
            PixelSizeYDeg = dy,
            FrequencyHz = spectral.FrequencyHz,
            BandwidthHz = spectral.BandwidthHz,
            Beam = beam,
            StartUtc = time.StartUtc,
            IntegrationSeconds = time.IntegrationSeconds,
            CentreRaDeg = centreRa,
            CentreDecDeg = centreDec,
            Stokes = StokesParser.Parse(header, url),
            Extra = ExtraFields(header, spectral),
            Warnings = warnings,
        };
        var parser = TelescopeParsers.For(header);
        return parser.Refine(metadata with { Accessor = parser.Name }, header);
    }

    /// <summary>Provenance worth keeping: the writer, the object and where the frequency came from.</summary>
    private static Dictionary<string, string> ExtraFields(FitsHeader header, SpectralInfo spectral)
    {
        var extra = new Dictionary<string, string> { ["FrequencySource"] = spectral.Source };
        foreach (var keyword in new[] { "ORIGIN", "OBJECT", "OBSERVER", "INSTRUME" })
        {
            var value = header.GetString(keyword)?.Trim();
            if (!string.IsNullOrEmpty(value)) extra[keyword] = value;
        }
        return extra;
    }
}
