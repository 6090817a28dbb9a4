using System.Collections.Concurrent;
using Trap.Images;
using Trap.Images.Accessors;

namespace Trap.Pipeline.Stages;

/// <summary>
/// Keeps the pixels of the most recently extracted images of this process (up to a fixed memory
/// budget) so the forced-fit stage of the same timestep need not read them again. Purely an
/// optimisation: on a miss (another worker, evicted) the image is read from its path, giving the
/// same result.
/// </summary>
public static class RecentImages
{
    private const long BudgetPixels = 64L * 1024 * 1024; // 256 MB of float32
    private static readonly ConcurrentDictionary<string, SkyImage> Images = new();
    private static readonly ConcurrentQueue<string> Order = new();
    private static long _pixels;

    public static void Keep(SkyImage image)
    {
        if (!Images.TryAdd(image.Metadata.Url, image)) return;
        Order.Enqueue(image.Metadata.Url);
        Interlocked.Add(ref _pixels, image.Pixels.Length);
        while (Interlocked.Read(ref _pixels) > BudgetPixels && Order.TryDequeue(out var oldest))
        {
            if (Images.TryRemove(oldest, out var evicted)) Interlocked.Add(ref _pixels, -evicted.Pixels.Length);
        }
    }

    /// <summary>The image at <paramref name="url"/>, from memory when recent, else read again.</summary>
    public static SkyImage Get(string url) =>
        Images.TryGetValue(url, out var image) ? image : ImageReader.Read(url);
}
