using Trap.Formats.Casa;
using Trap.Formats.Fits;

namespace Trap.Images.Accessors;

/// <summary>
/// Reads a CASA image folder: image2fits converts it to a temporary FITS file (always deleted), which is
/// read like any FITS image, then the CASA specifics are applied: the URL is the folder; the centre is the
/// pointing centre (OBSRA/OBSDEC, from coords.pointingcenter) as in TraP's CASA accessors; the frequency
/// comes from the VOPT axis image2fits writes, which reproduces the CASA record's spectral crval/cdelt;
/// and for LOFAR the LOFAR_* subtables give the observation start, integration time and
/// <see cref="LofarFields"/> (<see cref="LofarCasaTables"/>).
/// </summary>
public static class CasaImageReader
{
    public static ImageMetadata ReadMetadata(string imageDirectory, ImageReadOptions options) =>
        Read(imageDirectory, options, withPixels: false).Metadata;

    public static SkyImage Read(string imageDirectory, ImageReadOptions options)
    {
        var (metadata, pixels) = Read(imageDirectory, options, withPixels: true);
        return new SkyImage(metadata, pixels!);
    }

    private static (ImageMetadata Metadata, float[]? Pixels) Read(string imageDirectory, ImageReadOptions options, bool withPixels)
    {
        using var fits = CasaImageConverter.ToFits(imageDirectory);
        var hdu = Converted(imageDirectory, () => FitsFile.ReadImageHeader(fits.Path));
        // Parsed before the pixels are read: an image the memory budget refuses is never allocated.
        var metadata = FitsImageParser.Parse(hdu.Header, hdu.Axes, imageDirectory, options);
        var pixels = withPixels ? Converted(imageDirectory, () => FitsFile.ReadImage(fits.Path).Pixels) : null;
        return (ApplyCasaSpecifics(metadata, hdu.Header, imageDirectory), pixels);
    }

    /// <summary>Reads the converted file; its temporary name means nothing to the user, so errors name the CASA image.</summary>
    private static T Converted<T>(string imageDirectory, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (FitsFormatException e)
        {
            throw new ImageFormatException(imageDirectory, "image2fits wrote a FITS file Trap cannot read: " + e.Problem, e.Remedy, e);
        }
    }

    private static ImageMetadata ApplyCasaSpecifics(ImageMetadata metadata, FitsHeader header, string imageDirectory)
    {
        var extra = new Dictionary<string, string>(metadata.Extra) { ["Format"] = "casa" };
        var warnings = metadata.Warnings.ToList();
        if (header.GetDouble("OBSRA") is { } ra && header.GetDouble("OBSDEC") is { } dec)
        {
            metadata = metadata with { CentreRaDeg = ((ra % 360.0) + 360.0) % 360.0, CentreDecDeg = dec };
        }
        else
        {
            warnings.Add("no pointing centre (OBSRA/OBSDEC) in the CASA image: the image centre is used");
        }

        if (metadata.Telescope == "LOFAR")
        {
            if (LofarCasaTables.Present(imageDirectory))
            {
                var lofar = LofarCasaTables.Read(imageDirectory);
                extra["ImageObsDate"] = metadata.StartUtc.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
                metadata = metadata with
                {
                    Accessor = "lofar",
                    Lofar = lofar.Fields,
                    StartUtc = lofar.StartUtc,
                    IntegrationSeconds = lofar.IntegrationSeconds,
                };
            }
            else
            {
                warnings.Add("LOFAR CASA image without LOFAR_OBSERVATION/LOFAR_ORIGIN/LOFAR_ANTENNA subtables: no LOFAR fields, integration time 0");
            }
        }
        return metadata with { Extra = extra, Warnings = warnings };
    }
}
