using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Trap.Web.Data;
using Trap.Web.Input;

namespace Trap.Web;

/// <summary>What a page handler gets: validated input, the dataset its address names, the read-only catalogue and the responses it may give.</summary>
public sealed class PageRequest(HttpContext http, ReadOnlyCatalogue catalogue)
{
    private DatasetName? _dataset;

    public RequestInput Input { get; } = new(http.Request.Query);

    /// <summary>The dataset the address names (pages under /datasets/NAME only; resolved before the page runs).</summary>
    public DatasetName Dataset
    {
        get => _dataset ?? throw new InvalidOperationException("This page's address names no dataset.");
        set => _dataset = value;
    }

    /// <summary>A non-negative integer id from the route, e.g. RouteId("image", "image id").</summary>
    public long RouteId(string name, string label) => RequestInput.Id(http.GetRouteValue(name) as string, label);

    /// <summary>
    /// The dataset segment of the address (/datasets/SEGMENT/...) unescaped, read from the raw request target:
    /// the routed path keeps an escaped '/' (%2F) escaped, so a name holding one would not be read back as written.
    /// </summary>
    public string DatasetSegment => Uri.UnescapeDataString(RawPathSegments()[2]);

    /// <summary>This address with its dataset segment naming <paramref name="dataset"/>, the rest of the path and the query kept.</summary>
    public string AddressOf(DatasetName dataset)
    {
        var segments = RawPathSegments();
        return dataset.Path + string.Concat(segments.Skip(3).Select(s => "/" + s)) + http.Request.QueryString;
    }

    public Task<T> ReadAsync<T>(Func<CatalogueQuery, Task<T>> work) => catalogue.ReadAsync(work, http.RequestAborted);

    /// <summary>The current path with the query string changed: nulls removed, others set.</summary>
    public string WithQuery(params (string Name, string? Value)[] changes)
    {
        var values = http.Request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        foreach (var (name, value) in changes) values[name] = value;
        var query = string.Join("&", values.Where(v => !string.IsNullOrEmpty(v.Value))
            .Select(v => Uri.EscapeDataString(v.Key) + "=" + Uri.EscapeDataString(v.Value!)));
        return RawPath() + (query.Length > 0 ? "?" + query : "");
    }

    /// <summary>Sets a header of the response (e.g. Cache-Control for pixels).</summary>
    public void SetResponseHeader(string name, string value) => http.Response.Headers[name] = value;

    public static IResult Html(string html) => Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8);

    public static IResult Csv(string fileName, string csv) =>
        Results.File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", fileName);

    /// <summary>The path as the client sent it (still escaped), without the query; the routed path re-escaped when the request line was no plain path (absolute form).</summary>
    private string RawPath()
    {
        var target = http.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (target is null || !target.StartsWith('/')) return http.Request.Path.ToUriComponent();
        var query = target.IndexOf('?');
        return query < 0 ? target : target[..query];
    }

    private string[] RawPathSegments() => RawPath().Split('/');
}
