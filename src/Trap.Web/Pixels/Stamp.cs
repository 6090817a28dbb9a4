using System.Buffers;
using Trap.Formats.Fits;

namespace Trap.Web.Pixels;

/// <summary>
/// A square cut-out of an image around a sky position: <see cref="Size"/>² pixels, row 0 at the bottom
/// (FITS order), NaN where the square runs past the image's edge. <see cref="X0"/>, <see cref="Y0"/> are
/// the image pixel (0-based) of the cut-out's pixel (0, 0). Only the rows the square covers are read,
/// one row at a time, so memory is one image row plus the square whatever the image's size.
/// </summary>
public sealed record Stamp(int Size, int X0, int Y0, float[] Values, ImageGeometry Geometry)
{
    /// <summary>Sizes a request may ask for (pixels a side).</summary>
    public const int MinSize = 8, MaxSize = 256, DefaultSize = 48;

    /// <summary>Cuts the square centred on the pixel nearest (<paramref name="raDeg"/>, <paramref name="decDeg"/>).</summary>
    public static Stamp Cut(string path, ImageGeometry geometry, double raDeg, double decDeg, int size)
    {
        if (!geometry.Wcs.TrySkyToPixel(raDeg, decDeg, out var x, out var y))
        {
            throw new InvalidOperationException($"RA {raDeg}, Dec {decDeg} has no pixel in {path} (outside its projection).");
        }
        var (x0, y0) = ((int)Math.Round(x) - size / 2, (int)Math.Round(y) - size / 2);
        var values = new float[size * size];
        Array.Fill(values, float.NaN);
        var hdu = geometry.Hdu;
        var (firstRow, endRow) = (Math.Max(y0, 0), Math.Min(y0 + size, hdu.Height));
        var (firstColumn, endColumn) = (Math.Max(x0, 0), Math.Min(x0 + size, hdu.Width));
        if (firstRow < endRow && firstColumn < endColumn)
        {
            using var reader = FitsFile.OpenRows(path);
            var row = ArrayPool<float>.Shared.Rent(hdu.Width);
            try
            {
                for (var r = firstRow; r < endRow; r++)
                {
                    reader.ReadRows(r, row.AsSpan(0, hdu.Width));
                    row.AsSpan(firstColumn, endColumn - firstColumn).CopyTo(values.AsSpan((r - y0) * size + firstColumn - x0));
                }
            }
            finally
            {
                ArrayPool<float>.Shared.Return(row);
            }
        }
        return new Stamp(size, x0, y0, values, geometry);
    }

    /// <summary>
    /// The cut-out as a FITS file: the image's header with its WCS reference pixel moved by the cut
    /// (so every pixel keeps its sky position) and the scaling and blank cards dropped (the data are float32).
    /// </summary>
    public byte[] ToFits()
    {
        string[] dropped = ["BSCALE", "BZERO", "BLANK", "DATAMIN", "DATAMAX"];
        var header = new FitsHeader(Geometry.Hdu.Header.Cards.Where(c => !dropped.Contains(c.Keyword) && !c.Keyword.StartsWith("NAXIS", StringComparison.Ordinal)));
        // The sky axes' reference pixels, numbered as CelestialWcs writes them (x is the lower-numbered sky axis).
        var p = Geometry.Wcs.Parameters;
        var (xAxis, yAxis) = (Math.Min(p.LongitudeAxis, p.LatitudeAxis), Math.Max(p.LongitudeAxis, p.LatitudeAxis));
        header.Set(FitsCard.OfReal($"CRPIX{xAxis}", p.ReferencePixelX + 1 - X0));
        header.Set(FitsCard.OfReal($"CRPIX{yAxis}", p.ReferencePixelY + 1 - Y0));
        header.Set(FitsCard.OfString("ORIGIN", "Trap web cut-out"));
        using var stream = new MemoryStream();
        FitsWriter.Write(stream, header, Values, [Size, Size]);
        return stream.ToArray();
    }
}
