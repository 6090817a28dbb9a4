namespace Trap.Formats.Fits;

/// <summary>
/// Reads images from FITS files (plain or whole-file gzip). The image is the first HDU with
/// NAXIS ≥ 2 and data; tile-compressed images, random groups and files without an image are refused
/// with a <see cref="FitsFormatException"/> that says what to do.
/// </summary>
public static class FitsFile
{
    /// <summary>Reads only the header of the image HDU (for planning a job without pixels).</summary>
    public static FitsImageHdu ReadImageHeader(string path) => throw new NotImplementedException();

    /// <summary>
    /// Reads the image HDU and plane 0 of its data as float32 (index = y * NAXIS1 + x), with
    /// BSCALE/BZERO applied and BLANK (integer data only) turned into NaN.
    /// </summary>
    public static (FitsImageHdu Hdu, float[] Pixels) ReadImage(string path) => throw new NotImplementedException();
}
