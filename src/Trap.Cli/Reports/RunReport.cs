using System.Globalization;
using Trap.Dataset;
using Trap.Dataset.Rows;
using Trap.Pipeline;
using Trap.Pipeline.Output;
using Trap.Web;
using Trap.Web.Data;

namespace Trap.Cli.Reports;

/// <summary>
/// The end of every run: what each stage kept, why images were rejected, and the best candidates with
/// where to look at them — so a run says what it found, not only where it wrote it.
/// </summary>
public static class RunReport
{
    /// <summary>Candidates listed; the rest are in the candidates table and on the web page.</summary>
    private const int TopCandidates = 10;

    public static async Task<IReadOnlyList<CandidateRow>> PrintAsync(RunSummary summary, CancellationToken cancellation)
    {
        var c = CultureInfo.InvariantCulture;
        var candidates = await ReadAsync<CandidateRow>(summary.OutputFolder, DatasetTables.Candidates, cancellation);
        var rejections = await ReadAsync<RejectionRow>(summary.OutputFolder, DatasetTables.Rejections, cancellation);
        var byClass = candidates.GroupBy(x => x.Class).OrderByDescending(g => g.Count()).Select(g => $"{g.Count()} {g.Key}");
        Console.WriteLine();
        Console.WriteLine("Run report");
        Console.WriteLine($"  images        {summary.Images,8}  ({summary.Images - summary.Rejected} accepted, {summary.Rejected} rejected)");
        Console.WriteLine($"  measurements  {summary.Sources,8}  (blind extractions and forced fits)");
        Console.WriteLine($"  catalogue     {summary.CatalogueSources,8}  sources ({summary.NewSources} new)");
        Console.WriteLine($"  candidates    {summary.Candidates,8}  ({(candidates.Count > 0 ? string.Join(", ", byClass) : "none")})");
        if (rejections.Count > 0)
        {
            Console.WriteLine("  rejected images by reason (docs/rejections.md):");
            foreach (var reason in rejections.GroupBy(r => r.Reason).OrderByDescending(g => g.Count()))
            {
                var example = reason.First();
                Console.WriteLine($"    {reason.Count(),5}  {reason.Key}: e.g. {Path.GetFileName(example.Url)}: {example.Comment.Replace(example.Url + ": ", "")}");
            }
        }
        if (candidates.Count == 0) return candidates;
        Console.WriteLine($"  top candidates (of {candidates.Count}, best score first):");
        Console.WriteLine("    source      class        score   RA (deg)   Dec (deg)  peak flux (Jy)  band");
        foreach (var x in candidates.OrderByDescending(x => x.Score).ThenBy(x => x.RuncatId).Take(TopCandidates))
        {
            Console.WriteLine(string.Format(c, "    {0,-10}  {1,-11}  {2,5:F2}  {3,9:F4}  {4,10:+0.0000;-0.0000}  {5,14:G4}  {6}",
                x.RuncatId, x.Class, x.Score, x.RaDeg, x.DecDeg, x.PeakFIntJy, x.BandId));
        }
        // The web site addresses a dataset by its name (docs/web.md, Addresses).
        var dataset = (await ReadAsync<DatasetRow>(summary.OutputFolder, DatasetTables.Dataset, cancellation)).Single();
        Console.WriteLine($"  look at them: trap web {summary.OutputFolder}  then " +
                          $"{WebServer.DefaultUrls}{new DatasetName(ParquetCatalogue.DatasetId, dataset.Name).Path}/candidates");
        return candidates;
    }

    private static async Task<List<T>> ReadAsync<T>(string folder, string table, CancellationToken cancellation) where T : class, new()
    {
        var rows = new List<T>();
        await foreach (var row in ParquetTableReader.ReadTableAsync<T>(folder, table).WithCancellation(cancellation)) rows.Add(row);
        return rows;
    }
}
