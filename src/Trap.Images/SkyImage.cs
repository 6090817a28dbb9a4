using Trap.Formats.Buffers;

namespace Trap.Images;

/// <summary>
/// An image ready for the science stages: metadata plus plane 0 of the pixels as float32, row by
/// row (index = y * Width + x, x along NAXIS1), blank pixels as NaN, in the image's brightness unit
/// (Jy/beam for radio images). Disposing hands the pixel array to <see cref="ExactLengthArrayPool{T}.Shared"/>
/// for the next image of the same size; an image that is never disposed is simply collected.
/// </summary>
public sealed class SkyImage : IDisposable
{
    private float[]? _pixels;

    public SkyImage(ImageMetadata metadata, float[] pixels)
    {
        if (pixels.Length != (long)metadata.Width * metadata.Height)
        {
            throw new ArgumentException(
                $"{metadata.Url}: {pixels.Length} pixels for a {metadata.Width}x{metadata.Height} image.", nameof(pixels));
        }
        Metadata = metadata;
        _pixels = pixels;
    }

    public ImageMetadata Metadata { get; }

    public float[] Pixels => _pixels ?? throw new ObjectDisposedException(Metadata.Url, "The image's pixels were handed back.");

    public int Width => Metadata.Width;

    public int Height => Metadata.Height;

    /// <summary>Pixel value at 0-based (x, y).</summary>
    public float this[int x, int y] => Pixels[y * Width + x];

    public void Dispose()
    {
        if (_pixels is null) return;
        ExactLengthArrayPool<float>.Shared.Return(_pixels);
        _pixels = null;
    }
}
