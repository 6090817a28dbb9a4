using Trap.Web.Data;

namespace Trap.Web.Pages;

/// <summary>The dataset a page belongs to; a missing dataset is a 404 on every page below it.</summary>
public sealed record DatasetName(long Id, string Name)
{
    public string Path => "/datasets/" + Id;

    public static Task<DatasetName> LoadAsync(CatalogueQuery q, long id) =>
        q.SingleAsync("SELECT id, name FROM dataset WHERE id = $1", r => new DatasetName(r.Long("id"), r.Text("name")),
            $"There is no dataset {id} in this catalogue database.", id);
}
