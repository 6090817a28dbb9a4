using System.IO.Compression;
using Trap.Formats.Fits;
using Trap.TestSupport;

namespace Trap.Images.Tests;

/// <summary>Builds synthetic headers and reads the headers of the real test files.</summary>
internal static class TestHeaders
{
    /// <summary>A header from (keyword, value) pairs: strings become string cards, ints integer cards, doubles reals.</summary>
    public static FitsHeader Build(params (string Keyword, object Value)[] cards)
    {
        var header = new FitsHeader();
        foreach (var (keyword, value) in cards)
        {
            header.Add(value switch
            {
                string text when keyword is "HISTORY" or "COMMENT" => FitsCard.Commentary(keyword, text),
                string text => FitsCard.OfString(keyword, text),
                int whole => FitsCard.OfInteger(keyword, whole),
                long whole => FitsCard.OfInteger(keyword, whole),
                double real => FitsCard.OfReal(keyword, real),
                bool flag => FitsCard.OfLogical(keyword, flag),
                _ => throw new ArgumentException($"unsupported value for {keyword}"),
            });
        }
        return header;
    }

    /// <summary>A minimal 2-D SIN image header at (RA, Dec) with square pixels, a beam and a start time.</summary>
    public static FitsHeader SinImage(double ra = 150.0, double dec = 30.0, double pixelDeg = 0.001, params (string, object)[] more)
    {
        var cards = new List<(string, object)>
        {
            ("NAXIS", 2), ("NAXIS1", 100), ("NAXIS2", 100),
            ("CTYPE1", "RA---SIN"), ("CRVAL1", ra), ("CRPIX1", 51.0), ("CDELT1", -pixelDeg), ("CUNIT1", "deg"),
            ("CTYPE2", "DEC--SIN"), ("CRVAL2", dec), ("CRPIX2", 51.0), ("CDELT2", pixelDeg), ("CUNIT2", "deg"),
            ("BMAJ", 0.01), ("BMIN", 0.005), ("BPA", 30.0),
            ("DATE-OBS", "2021-03-04T05:06:07.5"),
        };
        cards.AddRange(more);
        return Build(cards.ToArray());
    }

    /// <summary>The first header of a real file (plain or gzipped), without the FITS image reader.</summary>
    public static FitsHeader Real(string relative)
    {
        var path = RealData.PathOf(relative);
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        return FitsHeaderReader.Read(stream, path) ?? throw new InvalidOperationException(path + " has no header");
    }

    /// <summary>A copy of a header with the given cards replaced or added.</summary>
    public static FitsHeader With(FitsHeader header, params (string Keyword, object Value)[] cards)
    {
        var copy = new FitsHeader(header.Cards);
        foreach (var card in Build(cards).Cards) copy.Set(card);
        return copy;
    }

    /// <summary>A copy of a header without the given keywords.</summary>
    public static FitsHeader Without(FitsHeader header, params string[] keywords) =>
        new(header.Cards.Where(c => !keywords.Contains(c.Keyword)));
}
