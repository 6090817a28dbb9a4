using Trap.Web.Data;
using Trap.Web.Html;

namespace Trap.Web.Pages;

/// <summary>A dataset's frequency bands, for band filters and labels.</summary>
public sealed record BandList(IReadOnlyList<(int Id, double CentralHz)> Bands)
{
    public static async Task<BandList> LoadAsync(CatalogueQuery q, long datasetId) => new(await DatasetBands.LoadAsync(q, datasetId));

    public string Label(int bandId) =>
        Bands.FirstOrDefault(b => b.Id == bandId) is { CentralHz: > 0 } band ? $"{bandId} ({Fmt.Mhz(band.CentralHz)} MHz)" : Fmt.Int(bandId);

    /// <summary>A band filter's options: "" for all bands, then each band.</summary>
    public IReadOnlyList<(string Value, string Label)> Options(string allLabel) =>
        [("", allLabel), .. Bands.Select(b => (Fmt.Int(b.Id), Label(b.Id)))];
}
