using Trap.Dataset;
using Trap.Dataset.Rows;

namespace Trap.Pipeline.Streaming;

/// <summary>
/// The committed images' rows, read from the dataset's `images` parts when the stream starts and where a
/// batch rarely needs them: the stream keeps no row of its own per image (docs/streaming.md, "What stays bounded").
/// </summary>
internal static class CommittedImageRows
{
    /// <summary>The rows of the dataset at <paramref name="target"/> for its readable images (ids below <paramref name="readable"/>).</summary>
    public static IEnumerable<ImageRow> Readable(string target, int readable) =>
        All(target).Where(r => r.ImageId < readable);

    /// <summary>Every row of the images table of the dataset at <paramref name="target"/> (none when there is no dataset yet).</summary>
    public static IEnumerable<ImageRow> All(string target) =>
        ParquetTableReader.Parts(target, DatasetTables.Images).SelectMany(ParquetTableReader.ReadFile<ImageRow>);
}
