using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Trap.Web.Data;
using Trap.Web.Input;

namespace Trap.Web;

/// <summary>What a page handler gets: validated input, the read-only catalogue and the responses it may give.</summary>
public sealed class PageRequest(HttpContext http, ReadOnlyCatalogue catalogue)
{
    public RequestInput Input { get; } = new(http.Request.Query);

    /// <summary>A non-negative integer id from the route, e.g. RouteId("dataset", "dataset id").</summary>
    public long RouteId(string name, string label) => RequestInput.Id(http.GetRouteValue(name) as string, label);

    /// <summary>The run's output folder, when the site reads one (not the database).</summary>
    public string? OutputFolder => catalogue.OutputFolder;

    public Task<T> ReadAsync<T>(Func<CatalogueQuery, Task<T>> work) => catalogue.ReadAsync(work, http.RequestAborted);

    /// <summary>The current path with the query string changed: nulls removed, others set.</summary>
    public string WithQuery(params (string Name, string? Value)[] changes)
    {
        var values = http.Request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        foreach (var (name, value) in changes) values[name] = value;
        var query = string.Join("&", values.Where(v => !string.IsNullOrEmpty(v.Value))
            .Select(v => Uri.EscapeDataString(v.Key) + "=" + Uri.EscapeDataString(v.Value!)));
        return http.Request.Path + (query.Length > 0 ? "?" + query : "");
    }

    /// <summary>Sets a header of the response (e.g. Cache-Control for pixels).</summary>
    public void SetResponseHeader(string name, string value) => http.Response.Headers[name] = value;

    public static IResult Html(string html) => Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8);

    public static IResult Csv(string fileName, string csv) =>
        Results.File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", fileName);
}
