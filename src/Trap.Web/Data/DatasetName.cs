namespace Trap.Web.Data;

/// <summary>
/// The dataset a page belongs to. Addresses name it by its name (unique in a catalogue, kept across
/// reloads), URL-escaped: /datasets/NAME/... (docs/web.md, Addresses).
/// </summary>
public sealed record DatasetName(long Id, string Name)
{
    public string Path => "/datasets/" + Uri.EscapeDataString(Name);

    /// <summary>
    /// The dataset an address segment names: the dataset of that name, else (an address from before
    /// names) the dataset whose id the segment is; null when neither exists. A name wins over an id.
    /// </summary>
    public static async Task<DatasetName?> FindAsync(CatalogueQuery q, string segment)
    {
        var byName = await q.ListAsync("SELECT id, name FROM dataset WHERE name = $1", Map, segment);
        if (byName.Count > 0) return byName[0];
        if (!long.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)) return null;
        var byId = await q.ListAsync("SELECT id, name FROM dataset WHERE id = $1", Map, id);
        return byId.Count > 0 ? byId[0] : null;
    }

    private static DatasetName Map(System.Data.Common.DbDataReader r) => new(r.Long("id"), r.Text("name"));
}
