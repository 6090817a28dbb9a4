using Trap.Web.Input;

namespace Trap.Web.Html;

/// <summary>
/// The order a list is shown in, from ?sort=KEY&amp;dir=asc|desc: KEY must be one of the list's sortable
/// columns (<see cref="Column{T}.Sort"/>), so a page maps it to a fixed SQL expression, never to request text.
/// A column header links to its ascending order, or to descending when it is already ascending.
/// </summary>
public sealed record SortOrder(string? Key, bool Descending)
{
    public static SortOrder From<T>(RequestInput input, IEnumerable<Column<T>> columns)
    {
        var key = input.Choice("sort", columns.Select(c => c.Sort).OfType<string>().ToList());
        var descending = input.Choice("dir", ["asc", "desc"]) == "desc";
        return new SortOrder(key, descending);
    }

    /// <summary>The header link of a column sorted by <paramref name="key"/>, back to the first page.</summary>
    public string Link(PageRequest request, string key) =>
        request.WithQuery(("sort", key), ("dir", key == Key && !Descending ? "desc" : "asc"), ("page", null));

    /// <summary>The arrow after the header of the sorted column.</summary>
    public string Arrow(string key) => key != Key ? "" : Descending ? " ▼" : " ▲";

    /// <summary>Sorts rows in memory by <paramref name="keyOf"/> (NaN and nulls last either way), or keeps their order when unsorted.</summary>
    public IEnumerable<T> Apply<T>(IEnumerable<T> rows, Func<string, Func<T, IComparable?>> keyOf)
    {
        if (Key is null) return rows;
        var key = keyOf(Key);
        var present = rows.Where(r => key(r) is { } k && !(k is double d && double.IsNaN(d)));
        var absent = rows.Where(r => key(r) is not { } k || k is double d && double.IsNaN(d));
        return (Descending ? present.OrderByDescending(key) : present.OrderBy(key)).Concat(absent);
    }
}
