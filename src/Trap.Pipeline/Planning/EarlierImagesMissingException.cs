using Trap.Dataset;
using Trap.Dataset.Rows;

namespace Trap.Pipeline.Planning;

/// <summary>
/// An appended run (`trap run --append`, and the full appended run a `trap stream` batch can fall back
/// to) plans the job's images again and replaces the dataset with one made from them: an accepted image
/// the dataset holds that is no longer among the job's images (deleted, moved, or no longer matched by
/// `images`) would be left out, with its measurements and light-curve points. So the run is refused
/// before any work and the dataset stays as it was (docs/streaming.md, "Images removed after their commit").
/// </summary>
public sealed class EarlierImagesMissingException : IOException
{
    private EarlierImagesMissingException(string message, int missing) : base(message)
    {
        Missing = missing;
    }

    /// <summary>How many of the dataset's accepted images the job no longer matches.</summary>
    public int Missing { get; }

    /// <summary>Throws when an accepted image of the dataset at <paramref name="outputFolder"/> is not among <paramref name="matchedImages"/>.</summary>
    public static void ThrowIfAny(string outputFolder, IReadOnlyCollection<string> matchedImages)
    {
        var matched = matchedImages as IReadOnlySet<string> ?? new HashSet<string>(matchedImages, StringComparer.Ordinal);
        var missing = ParquetTableReader.Parts(outputFolder, DatasetTables.Images)
            .SelectMany(ParquetTableReader.ReadFile<ImageRow>)
            .Where(row => row.Accepted && !matched.Contains(row.Url))
            .Select(row => row.Url)
            .ToList();
        if (missing.Count == 0) return;
        throw new EarlierImagesMissingException(
            $"{outputFolder}: {missing.Count} image(s) of the dataset are no longer among the job's images (first: {missing[0]}); " +
            "an appended run makes the dataset again from the job's images and would lose their measurements. " +
            "Put them back where they were, or run without --append into another output.", missing.Count);
    }
}
