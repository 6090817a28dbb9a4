using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Trap.Storage;
using Trap.Web.Data;
using Trap.Web.Html;
using Trap.Web.Input;
using Trap.Web.Pages;

namespace Trap.Web;

/// <summary>
/// The web interface for scientists: server-rendered pages over the catalogue (the PostgreSQL database or one run's Parquet folder), read-only,
/// on loopback unless told otherwise. Everything it serves comes from this assembly (no CDN).
/// </summary>
public static class WebServer
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>Builds the site over <paramref name="catalogue"/>; start it with StartAsync/RunAsync.</summary>
    public static WebApplication Build(ReadOnlyCatalogue catalogue, string urls = DefaultUrls)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(urls);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.Use(HandleErrors);
        app.MapGet("/static/site.css", () => Results.Text(Stylesheet.Value, "text/css; charset=utf-8"));
        Map(app, "/", DatasetsPage.RenderAsync, catalogue);
        Map(app, "/datasets/{dataset}", DatasetPage.RenderAsync, catalogue);
        Map(app, "/datasets/{dataset}/images", ImagesPage.RenderAsync, catalogue);
        Map(app, "/datasets/{dataset}/images/{image}", ImagePage.RenderAsync, catalogue);
        Map(app, "/datasets/{dataset}/images/{image}/stamp.png", PixelFiles.StampPngAsync, catalogue);
        Map(app, "/datasets/{dataset}/images/{image}/cutout.fits", PixelFiles.CutoutFitsAsync, catalogue);
        Map(app, "/datasets/{dataset}/images/{image}/preview.png", PixelFiles.PreviewPngAsync, catalogue);
        Map(app, "/datasets/{dataset}/sources", CataloguePage.RenderAsync, catalogue);
        Map(app, "/datasets/{dataset}/sources/{runcat}", SourcePage.RenderAsync, catalogue);
        Map(app, "/datasets/{dataset}/sources/{runcat}/voevent.xml", VoEventFile.DownloadAsync, catalogue);
        Map(app, "/datasets/{dataset}/etav", EtaVPage.RenderAsync, catalogue);
        Map(app, "/datasets/{dataset}/candidates", CandidatesPage.RenderAsync, catalogue);
        app.MapFallback(new RequestDelegate(_ => throw new NotFoundException("There is no page at this address.")));
        return app;
    }

    /// <summary>The addresses the started site listens on (the real port when 0 was asked for).</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app) =>
        app.Services.GetService(typeof(Microsoft.AspNetCore.Hosting.Server.IServer)) is Microsoft.AspNetCore.Hosting.Server.IServer server
            ? server.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? []
            : [];

    private static void Map(WebApplication app, string pattern, Func<PageRequest, Task<IResult>> page, ReadOnlyCatalogue catalogue) =>
        app.MapGet(pattern, (Delegate)((HttpContext http) => pattern.Contains("{dataset}", StringComparison.Ordinal)
            ? DatasetPageAsync(new PageRequest(http, catalogue), page)
            : page(new PageRequest(http, catalogue))));

    /// <summary>
    /// A page under /datasets/NAME: the dataset is looked up first, so every page has it. An address naming the
    /// dataset by its id (the form before names) is moved permanently (308) to the name form, so old bookmarks work.
    /// </summary>
    private static async Task<IResult> DatasetPageAsync(PageRequest request, Func<PageRequest, Task<IResult>> page)
    {
        var segment = request.DatasetSegment;
        var dataset = await request.ReadAsync(q => DatasetName.FindAsync(q, segment))
                      ?? throw new NotFoundException($"There is no dataset named '{segment}' in this catalogue; the front page lists them.");
        if (dataset.Name != segment) return Results.Redirect(request.AddressOf(dataset), permanent: true, preserveMethod: true);
        request.Dataset = dataset;
        return await page(request);
    }

    private static async Task HandleErrors(HttpContext http, Func<Task> next)
    {
        SetSecurityHeaders(http.Response.Headers);
        try
        {
            await next();
        }
        catch (BadInputException e)
        {
            await WriteError(http, StatusCodes.Status400BadRequest, "Bad request", e.Message);
        }
        catch (NotFoundException e)
        {
            await WriteError(http, StatusCodes.Status404NotFound, "Not found", e.Message);
        }
        catch (StorageException e)
        {
            await WriteError(http, StatusCodes.Status503ServiceUnavailable, "Catalogue database unavailable", e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A fault of the site itself: logged in full for the operator, the page says only that it failed.
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Trap.Web").LogError(e, "{Path} failed", http.Request.Path);
            await WriteError(http, StatusCodes.Status500InternalServerError, "Internal error",
                "This page failed; the server's log has the details. Please report it with the address of the page.");
        }
    }

    private static void SetSecurityHeaders(IHeaderDictionary headers)
    {
        // Nothing on the site needs scripts, frames or other origins.
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
    }

    private static async Task WriteError(HttpContext http, int status, string title, string message)
    {
        if (http.Response.HasStarted) throw new InvalidOperationException(title + ": " + message);
        http.Response.Clear();
        SetSecurityHeaders(http.Response.Headers);
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html; charset=utf-8";
        var body = "<p class=\"error\">" + HtmlText.Encode(message) + "</p><p>" + HtmlText.Link("/", "Back to the datasets") + "</p>";
        await http.Response.WriteAsync(PageLayout.Render(title, body));
    }

    private static readonly Lazy<string> Stylesheet = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Trap.Web.Static.site.css")
                           ?? throw new InvalidOperationException("Trap.Web was built without Static/site.css");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
