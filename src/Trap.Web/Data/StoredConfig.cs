using Trap.Configuration;

namespace Trap.Web.Data;

/// <summary>
/// A section of the job configuration a dataset was run with (its config table: every effective
/// setting, written by the pipeline), bound to the science's own setting record by the same
/// <see cref="ConfigBinder"/> that reads job.cfg, so the site reads a setting exactly as the run did.
/// </summary>
public static class StoredConfig
{
    /// <summary>
    /// <paramref name="section"/>'s stored values over <paramref name="defaults"/>. A key this Trap no longer knows (a run of
    /// an older Trap) is left out; a key the run did not store keeps its default.
    /// </summary>
    public static async Task<T> LoadAsync<T>(CatalogueQuery q, long dataset, string section, T defaults) where T : class
    {
        var known = ConfigBinder.KeysOf(typeof(T)).Select(k => k.Key).ToHashSet(StringComparer.Ordinal);
        var entries = await q.ListAsync("SELECT key, value FROM config WHERE dataset_id = $1 AND section = $2 ORDER BY key",
            r => new IniEntry(section, r.Text("key"), r.Text("value"), 0), dataset, section);
        return ConfigBinder.Bind(defaults, $"the stored configuration of dataset {dataset}", section, entries.Where(e => known.Contains(e.Key)));
    }
}
