using System.Text;

namespace Trap.Web.Html;

/// <summary>One column of a list: header, plain text of a row (used for HTML and CSV alike), optional link.</summary>
/// <remarks>
/// <paramref name="Sort"/>: the column's key in ?sort= when the list can be sorted by it (<see cref="SortOrder"/>).
/// <paramref name="Html"/>: the cell as HTML the page built (e.g. a stamp), used instead of the encoded text; CSV keeps the text.
/// </remarks>
public sealed record Column<T>(string Header, Func<T, string> Value, Func<T, string?>? Link = null, bool Numeric = false, string? Title = null,
                               string? Sort = null, Func<T, string>? Html = null);

/// <summary>Renders rows as an HTML table or as CSV (RFC 4180) from the same column list, so the two never disagree.</summary>
public static class Table
{
    /// <summary>The table; with <paramref name="sorting"/>, the headers of sortable columns link to that order.</summary>
    public static string Html<T>(IReadOnlyList<Column<T>> columns, IEnumerable<T> rows, string id, Func<T, string?>? rowClass = null,
                                 (PageRequest Request, SortOrder Order)? sorting = null)
    {
        var html = new StringBuilder("<div class=\"scroll\"><table id=\"").Append(HtmlText.Encode(id)).Append("\"><thead><tr>");
        foreach (var column in columns)
        {
            html.Append("<th").Append(column.Numeric ? " class=\"num\"" : "")
                .Append(column.Title is null ? "" : " title=\"" + HtmlText.Encode(column.Title) + "\"")
                .Append('>')
                .Append(sorting is { } sort && column.Sort is { } key
                    ? HtmlText.Link(sort.Order.Link(sort.Request, key), column.Header + sort.Order.Arrow(key), "sort")
                    : HtmlText.Encode(column.Header))
                .Append("</th>");
        }
        html.Append("</tr></thead><tbody>");
        var count = 0;
        foreach (var row in rows)
        {
            count++;
            var css = rowClass?.Invoke(row);
            html.Append(css is null ? "<tr>" : "<tr class=\"" + HtmlText.Encode(css) + "\">");
            foreach (var column in columns)
            {
                var text = column.Value(row);
                var link = column.Link?.Invoke(row);
                html.Append(column.Numeric ? "<td class=\"num\">" : "<td>")
                    .Append(column.Html is { } cell ? cell(row) : link is null ? HtmlText.Encode(text) : HtmlText.Link(link, text)).Append("</td>");
            }
            html.Append("</tr>");
        }
        if (count == 0) html.Append("<tr><td class=\"empty\" colspan=\"").Append(columns.Count).Append("\">No rows.</td></tr>");
        return html.Append("</tbody></table></div>").ToString();
    }

    public static string Csv<T>(IReadOnlyList<Column<T>> columns, IEnumerable<T> rows)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', columns.Select(c => Quote(c.Header))).Append("\r\n");
        foreach (var row in rows) csv.AppendJoin(',', columns.Select(c => Quote(c.Value(row)))).Append("\r\n");
        return csv.ToString();
    }

    private static string Quote(string text)
    {
        // Cells starting with = + - @ would be formulas in a spreadsheet; a leading quote keeps them text.
        var safe = text.Length > 0 && "=+@".Contains(text[0]) ? "'" + text : text;
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + safe.Replace("\"", "\"\"") + "\"" : safe;
    }
}
