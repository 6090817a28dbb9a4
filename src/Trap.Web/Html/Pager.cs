namespace Trap.Web.Html;

/// <summary>Pages of a long list: <see cref="Size"/> rows each, with previous/next links and a CSV link for all rows.</summary>
public static class Pager
{
    public const int Size = 200;

    public static int Offset(int page) => (page - 1) * Size;

    /// <summary>The number of pages <paramref name="total"/> rows fill (at least 1).</summary>
    public static long PageCount(long total) => Math.Max(1, (total + Size - 1) / Size);

    public static string Render(PageRequest request, int page, int rowsOnPage, long total)
    {
        if (page > PageCount(total))
        {
            // Past the end: say so, rather than "rows 201–200 of 60", and offer the last page.
            var lastPage = PageCount(total).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return "<div class=\"pager\"><span class=\"past-end\">" + HtmlText.Encode($"There is no page {page}: the list has {total} rows, on {lastPage} page(s).") +
                   "</span> " + HtmlText.Link(request.WithQuery(("page", lastPage)), "last page") + "</div>";
        }
        var first = total == 0 ? 0 : Offset(page) + 1;
        var last = Offset(page) + rowsOnPage;
        var links = (page > 1 ? HtmlText.Link(request.WithQuery(("page", (page - 1).ToString(System.Globalization.CultureInfo.InvariantCulture))), "← previous") : "") +
                    (last < total ? " " + HtmlText.Link(request.WithQuery(("page", (page + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))), "next →") : "");
        return "<div class=\"pager\"><span>rows " + Fmt.Int(first) + "–" + Fmt.Int(last) + " of " + Fmt.Int(total) + "</span>" + links +
               " " + HtmlText.Link(request.WithQuery(("format", "csv"), ("page", null)), "CSV (all rows)") + "</div>";
    }
}
