using Microsoft.AspNetCore.Http;
using Trap.Pipeline.Output;
using Trap.Web.Data;

namespace Trap.Web.Pages;

/// <summary>
/// A candidate's VOEvent as the run wrote it (`voevents/LOCALID.xml` of the output folder, LOCALID the
/// IVORN's part after '#'), served when the site reads that folder. The database keeps the IVORN only.
/// </summary>
public static class VoEventFile
{
    /// <summary>The file of <paramref name="ivorn"/> in the run's output folder, or null when the site has no folder or the file is gone.</summary>
    public static string? Find(string? outputFolder, string ivorn)
    {
        if (outputFolder is null || ivorn.IndexOf('#') is var hash && hash < 0) return null;
        var localId = ivorn[(hash + 1)..];
        if (localId.Length == 0 || localId.IndexOfAny(['/', '\\']) >= 0 || localId.Contains("..", StringComparison.Ordinal)) return null;
        var path = Path.Combine(outputFolder, DatasetTables.VoEventsFolder, localId + ".xml");
        return File.Exists(path) ? path : null;
    }

    /// <summary>/datasets/{d}/sources/{r}/voevent.xml</summary>
    public static async Task<IResult> DownloadAsync(PageRequest request)
    {
        var id = request.RouteId("dataset", "dataset id");
        var runcat = request.RouteId("runcat", "catalogue source id");
        var ivorn = await request.ReadAsync(q => q.SingleAsync("SELECT ivorn FROM candidate WHERE dataset_id = $1 AND runcat_id = $2", r => r.Text("ivorn"),
            $"Source {runcat} of dataset {id} is not a transient candidate, so it has no VOEvent.", id, runcat));
        var path = Find(request.OutputFolder, ivorn) ?? throw new NotFoundException(request.OutputFolder is null
            ? $"The VOEvent {ivorn} is a file in the run's output folder (voevents/); this site reads the database, which keeps its IVORN only. Serve the folder with trap web OUTPUT_FOLDER to download it."
            : $"The run wrote no VOEvent file for {ivorn} (voevents/ of {request.OutputFolder}; [alerts] write_voevents may be off).");
        return Results.File(await File.ReadAllBytesAsync(path), "application/xml", Path.GetFileName(path));
    }
}
