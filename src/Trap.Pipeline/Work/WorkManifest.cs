using System.IO.Hashing;
using System.Text;
using System.Text.Json;
using Trap.Pipeline.Planning;

namespace Trap.Pipeline.Work;

/// <summary>One image a work folder holds files for: its id in that run, its path and its bytes' hash.</summary>
public sealed record WorkImage(long ImageId, string Url, string ContentHash);

/// <summary>
/// Which run a work folder's files belong to: a hash of the job's configuration text and every image
/// with its id and content hash. A file is re-used only for the same image (same path and bytes) under
/// the same id and configuration, which is exactly when its task would write the same bytes again.
/// </summary>
public sealed record WorkManifest(string ConfigHash, IReadOnlyList<WorkImage> Images)
{
    public static WorkManifest For(JobPlan plan, string configText) => new(HashOf(configText), Listed(plan.Images).ToList());

    /// <summary>
    /// Adds <paramref name="images"/> to the manifest the work folder holds for <paramref name="configText"/> (or
    /// starts one): `trap stream` adds each batch's images without keeping the earlier ones in memory.
    /// </summary>
    public static void Append(WorkFolder work, string configText, IEnumerable<PlannedImage> images) =>
        WorkFile.AppendToLastArray(work.Manifest, new WorkManifest(HashOf(configText), []), Listed(images));

    private static IEnumerable<WorkImage> Listed(IEnumerable<PlannedImage> images) =>
        images.Where(i => i.Header.ContentHash is not null).Select(i => new WorkImage(i.ImageId, i.Header.Url, i.Header.ContentHash!));

    /// <summary>The hash that tells one configuration from another.</summary>
    public static string HashOf(string configText) => Convert.ToHexString(XxHash128.Hash(Encoding.UTF8.GetBytes(configText)));

    public void Write(WorkFolder work) => File.WriteAllText(work.Manifest, JsonSerializer.Serialize(this));

    /// <summary>The manifest of a work folder, or null when it has none or it cannot be read.</summary>
    public static WorkManifest? Read(WorkFolder work)
    {
        try
        {
            return File.Exists(work.Manifest) ? JsonSerializer.Deserialize<WorkManifest>(File.ReadAllText(work.Manifest)) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
