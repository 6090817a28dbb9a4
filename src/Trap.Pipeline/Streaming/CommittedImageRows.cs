using Trap.Dataset;
using Trap.Dataset.Rows;

namespace Trap.Pipeline.Streaming;

/// <summary>
/// The committed images' rows, read from the dataset's `images` parts where a batch rarely needs them: the
/// stream keeps no record of its own per image (docs/streaming.md, "What stays bounded").
/// </summary>
internal static class CommittedImageRows
{
    /// <summary>The rows of the dataset at <paramref name="target"/> for its readable images (ids below <paramref name="readable"/>).</summary>
    public static IEnumerable<ImageRow> Readable(string target, int readable) =>
        All(target).Where(r => r.ImageId < readable);

    /// <summary>The path of readable image <paramref name="imageId"/> of the dataset at <paramref name="target"/> (the kept image of a copy).</summary>
    public static string UrlOf(string target, long imageId) =>
        All(target).FirstOrDefault(r => r.ImageId == imageId)?.Url
        ?? throw new InvalidDataException($"{target}: the images table has no image {imageId}, which the stream planned before; the dataset was changed under the stream: restart it");

    private static IEnumerable<ImageRow> All(string target) =>
        ParquetTableReader.Parts(target, DatasetTables.Images).SelectMany(ParquetTableReader.ReadFile<ImageRow>);
}
