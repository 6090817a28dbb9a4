namespace Trap.Web.Data;

/// <summary>A candidate's VOEvent: its IVORN and the packet the run wrote (null when the run wrote none, e.g. [alerts] write_voevents off).</summary>
public sealed record VoEvent(string Ivorn, string? Xml)
{
    /// <summary>
    /// The VOEvent of catalogue source <paramref name="runcat"/>, or null when it is no candidate. Packets are
    /// matched by their file's name, the IVORN's part after '#' (the voevent table or view, docs/web.md).
    /// </summary>
    public static async Task<VoEvent?> LoadAsync(CatalogueQuery q, long dataset, long runcat)
    {
        var rows = await q.ListAsync("""
            SELECT c.ivorn, v.xml
            FROM candidate c
            LEFT JOIN voevent v ON v.dataset_id = c.dataset_id AND v.local_id = split_part(c.ivorn, '#', 2)
            WHERE c.dataset_id = $1 AND c.runcat_id = $2
            """, r => new VoEvent(r.Text("ivorn"), r.NullableText("xml")), dataset, runcat);
        return rows.Count > 0 ? rows[0] : null;
    }
}
