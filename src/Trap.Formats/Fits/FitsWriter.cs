namespace Trap.Formats.Fits;

/// <summary>Writes single-HDU FITS images (used by the survey generator and by tests).</summary>
public static class FitsWriter
{
    /// <summary>
    /// Writes a primary HDU: SIMPLE/BITPIX/NAXIS/NAXISn are generated from <paramref name="axes"/> and
    /// <paramref name="bitpix"/>, then every card of <paramref name="header"/> (its own structural cards
    /// are ignored), then the data (float32 pixels converted to BITPIX, using BSCALE/BZERO from the
    /// header for integer BITPIX), big-endian and padded to 2880 bytes. A path ending in ".gz" is gzipped.
    /// </summary>
    public static void Write(string path, FitsHeader header, ReadOnlySpan<float> pixels, int[] axes, int bitpix = -32) =>
        throw new NotImplementedException();
}
