namespace Trap.Images.Accessors;

/// <summary>
/// The memory budget of one image: Trap reads plane 0 as float32, NAXIS1 × NAXIS2 × 4 bytes, and
/// refuses a plane above [job] max_image_mb from its header alone, before a byte of it is allocated.
/// A small file can promise a huge plane (a gzip of zeros, or a damaged NAXIS): without this check it
/// would end the whole run with an out-of-memory error.
/// </summary>
public static class ImageSizeBudget
{
    /// <summary>Bytes of the float32 plane Trap would allocate.</summary>
    public static long PlaneBytes(long width, long height) => width * height * sizeof(float);

    public static void Check(long width, long height, string url, ImageReadOptions options)
    {
        var bytes = PlaneBytes(width, height);
        if (bytes <= options.MaxImageBytes) return;
        throw new ImageFormatException(url,
            $"the image plane is {width:N0} × {height:N0} pixels, {bytes / (1024.0 * 1024.0):N0} MB as float32, " +
            $"more than the memory budget of {options.MaxImageBytes / (1024 * 1024):N0} MB",
            "If the header is right, raise [job] max_image_mb (each image in flight needs several times its plane) or cut the image; " +
            "if NAXIS1/NAXIS2 are wrong, fix the header.", fault: ImageFault.TooLarge);
    }
}
