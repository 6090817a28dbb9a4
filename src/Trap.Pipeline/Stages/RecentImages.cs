using System.Collections.Concurrent;
using Trap.Images;
using Trap.Images.Accessors;
using Trap.Science.Extraction.Background;

namespace Trap.Pipeline.Stages;

/// <summary>
/// Keeps the pixels and background maps of the most recently extracted images of this process (up to
/// a fixed memory budget) so the forced-fit stage of the same timestep need neither read them again
/// nor recompute the background. Purely an optimisation: on a miss (another worker, evicted) the
/// image is read from its path and the maps recomputed, giving the same result.
/// </summary>
public static class RecentImages
{
    private const long BudgetPixels = 64L * 1024 * 1024; // 256 MB of float32
    private static readonly ConcurrentDictionary<string, (SkyImage Image, BackgroundMaps Maps)> Images = new();
    private static readonly ConcurrentQueue<string> Order = new();
    private static long _pixels;

    public static void Keep(SkyImage image, BackgroundMaps maps)
    {
        if (!Images.TryAdd(image.Metadata.Url, (image, maps))) return;
        Order.Enqueue(image.Metadata.Url);
        Interlocked.Add(ref _pixels, image.Pixels.Length);
        while (Interlocked.Read(ref _pixels) > BudgetPixels && Order.TryDequeue(out var oldest))
        {
            if (Images.TryRemove(oldest, out var evicted)) Interlocked.Add(ref _pixels, -evicted.Image.Pixels.Length);
        }
    }

    /// <summary>The image at <paramref name="url"/> and its maps when recent, else the image read again and no maps.</summary>
    public static (SkyImage Image, BackgroundMaps? Maps) Get(string url) =>
        Images.TryGetValue(url, out var kept) ? kept : (ImageReader.Read(url), null);
}
