using System.Text;
using Microsoft.AspNetCore.Http;
using Trap.Web.Data;

namespace Trap.Web.Pages;

/// <summary>
/// A candidate's VOEvent as the run wrote it (voevents/LOCALID.xml of its output folder, LOCALID the
/// IVORN's part after '#'): read from the folder by a site over the folder, from the voevent table
/// (loaded with the dataset) by a site over the database.
/// </summary>
public static class VoEventFile
{
    /// <summary>What a page says when the run wrote no packet for <paramref name="ivorn"/>.</summary>
    public static string Missing(string ivorn) =>
        $"The run wrote no VOEvent file for {ivorn} ([alerts] write_voevents may be off); a dataset loaded into the database " +
        "before schema version 5 has none there either: load it again (trap db load OUTPUT_FOLDER) to add them.";

    /// <summary>/datasets/{d}/sources/{r}/voevent.xml</summary>
    public static async Task<IResult> DownloadAsync(PageRequest request)
    {
        var runcat = request.RouteId("runcat", "catalogue source id");
        var voevent = await request.ReadAsync(q => VoEvent.LoadAsync(q, request.Dataset.Id, runcat))
                      ?? throw new NotFoundException($"Source {runcat} of dataset {request.Dataset.Name} is not a transient candidate, so it has no VOEvent.");
        var xml = voevent.Xml ?? throw new NotFoundException(Missing(voevent.Ivorn));
        return Results.File(Encoding.UTF8.GetBytes(xml), "application/xml", voevent.Ivorn[(voevent.Ivorn.IndexOf('#') + 1)..] + ".xml");
    }
}
