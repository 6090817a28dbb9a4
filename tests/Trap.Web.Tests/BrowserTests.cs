using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Trap.Web.Tests;

/// <summary>The site in a real headless Chromium, on the output of a real pipeline run: in the database and as a plain Parquet folder.</summary>
public abstract class BrowserTests(SurveySite site)
{
    private string Dataset => site.DatasetUrl;

    [Fact]
    public async Task EveryPageRendersAndIsScreenshotted()
    {
        var page = await site.NewPageAsync();
        var image = await site.ScalarAsync("SELECT min(image_id) FROM image WHERE dataset_id = $1 AND accepted", site.DatasetId);
        var source = await site.ScalarAsync("SELECT min(runcat_id) FROM runningcatalog WHERE dataset_id = $1", site.DatasetId);
        var pages = new (string Name, string Url, string Heading)[]
        {
            ("datasets", site.BaseUrl + "/", "Datasets"),
            ("dataset", Dataset, ""),
            ("images", Dataset + "/images", "Images of"),
            ("rejected", Dataset + "/images?status=rejected", "Images of"),
            ("image", Dataset + "/images/" + image, "Image " + image),
            ("catalogue", Dataset + "/sources?mindatapoints=2", "Catalogue of"),
            ("source", Dataset + "/sources/" + source, "Source " + source),
            ("etav", Dataset + "/etav", "η–V plane of"),
            ("candidates", Dataset + "/candidates", "Candidates of"),
        };
        foreach (var (name, url, heading) in pages)
        {
            var response = await page.GotoAsync(url);
            Assert.Equal(200, response!.Status);
            Assert.Contains(heading, await page.InnerTextAsync("h1"));
            // The stylesheet is the site's own and applied (the header bar is dark).
            Assert.Equal("rgb(22, 33, 58)", await page.EvalOnSelectorAsync<string>("header.top", "e => getComputedStyle(e).backgroundColor"));
            var file = Path.Combine(site.ScreenshotFolder, name + ".png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file });
            AssertPng(file, SurveySite.ViewportWidth, SurveySite.ViewportHeight);
        }

        // The rejected-images filter shows exactly the rejected images, each with a reason.
        await page.GotoAsync(Dataset + "/images?status=rejected");
        var rejected = await site.ScalarAsync("SELECT count(*) FROM image WHERE dataset_id = $1 AND NOT accepted", site.DatasetId);
        Assert.True(rejected > 0, "the generated survey has bad images");
        Assert.Equal(rejected, await page.Locator("#images tbody tr.rejected").CountAsync());
        foreach (var reasons in await page.Locator("#images tbody tr td:nth-child(15)").AllInnerTextsAsync()) Assert.NotEmpty(reasons.Trim());
    }

    [Fact]
    public async Task ClickingAnEtaVPointOpensItsSourceWithTheWholeLightCurve()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(Dataset + "/etav");
        var points = page.Locator("#etav svg a");
        Assert.True(await points.CountAsync() > 10);
        // Guides of the fixed cuts are drawn.
        Assert.True(await page.Locator("#etav line.guide.cut").CountAsync() >= 1);
        var href = await points.First.GetAttributeAsync("href");
        await points.First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/sources/\\d+$"));
        Assert.EndsWith(href!, page.Url);
        var runcat = long.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);

        var associations = await site.ScalarAsync("SELECT count(*) FROM assocxtrsource WHERE dataset_id = $1 AND runcat_id = $2", site.DatasetId, runcat);
        var bands = await site.ScalarAsync("SELECT count(DISTINCT band_id) FROM assocxtrsource WHERE dataset_id = $1 AND runcat_id = $2", site.DatasetId, runcat);
        // Every association is a point; limits before the first detection are drawn besides (class "before").
        Assert.Equal(associations, await page.Locator("#lightcurves svg g.pt:not(.before)").CountAsync());
        Assert.Equal(bands, await page.Locator("#lightcurves svg").CountAsync());
        Assert.Equal(associations, await page.Locator("#history tbody tr").CountAsync());
        Assert.Contains("simbad", await page.Locator("a.external").First.GetAttributeAsync("href") ?? "");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.ScreenshotFolder, "clicked-source.png"), FullPage = true });
    }

    [Fact]
    public async Task ConeSearchFindsWhatTheDatabaseFunctionFinds()
    {
        var page = await site.NewPageAsync();
        var source = await site.ScalarAsync("SELECT min(runcat_id) FROM runningcatalog WHERE dataset_id = $1", site.DatasetId);
        await page.GotoAsync(Dataset + "/sources/" + source);
        var position = await page.Locator("dl.facts dd").First.InnerTextAsync();
        var parts = position.Split(',', StringSplitOptions.TrimEntries);
        await page.GotoAsync(Dataset + "/sources");
        await page.FillAsync("input[name=ra]", parts[0]);
        await page.FillAsync("input[name=dec]", parts[1]);
        await page.FillAsync("input[name=radius]", "0.2");
        await page.ClickAsync("form.filters button");
        await page.WaitForURLAsync(new Regex("radius=0.2"));

        var expected = await site.ScalarAsync("SELECT count(*) FROM trap_cone_search($1, $2, $3, 0.2)", site.DatasetId,
            double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
        Assert.True(expected >= 1);
        var rows = page.Locator("#catalogue tbody tr");
        Assert.Equal(expected, await rows.CountAsync());
        // Nearest first: the source we started from is at distance ~0.
        Assert.Equal(source.ToString(CultureInfo.InvariantCulture), await rows.First.Locator("td").First.InnerTextAsync());
        foreach (var distance in await page.Locator("#catalogue tbody tr td:nth-child(4)").AllInnerTextsAsync())
        {
            Assert.InRange(double.Parse(distance, CultureInfo.InvariantCulture), 0, 0.2);
        }
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.ScreenshotFolder, "cone-search.png") });
    }

    [Theory]
    [InlineData("/datasets/abc", 404)]
    [InlineData("/datasets/-3", 404)]
    [InlineData("/datasets/{d}/sources?ra=12&dec=north&radius=1", 400)]
    [InlineData("/datasets/{d}/sources?ra=400&dec=10&radius=1", 400)]
    [InlineData("/datasets/{d}/sources?ra=10&dec=10", 400)]
    [InlineData("/datasets/{d}/sources?vmin=1,5", 400)]
    [InlineData("/datasets/{d}/images?status=maybe", 400)]
    [InlineData("/datasets/{d}/candidates?class=%27%3B%20DROP%20TABLE%20image%3B--", 400)]
    [InlineData("/datasets/999999", 404)]
    [InlineData("/datasets/{d}/sources/999999999", 404)]
    [InlineData("/datasets/{d}/images/999999999", 404)]
    [InlineData("/no/such/page", 404)]
    public async Task BadInputGetsAClearErrorPage(string path, int status)
    {
        var page = await site.NewPageAsync();
        var response = await page.GotoAsync(site.BaseUrl + path.Replace("{d}", Uri.EscapeDataString(SurveySite.DatasetName)));
        Assert.Equal(status, response!.Status);
        Assert.Equal(status == 400 ? "Bad request" : "Not found", await page.InnerTextAsync("h1"));
        Assert.NotEmpty((await page.InnerTextAsync("p.error")).Trim());
        Assert.Equal(1, await site.ScalarAsync("SELECT count(*) FROM dataset WHERE id = $1", site.DatasetId));
    }

    [Fact]
    public async Task ListPagesExportCsv()
    {
        var page = await site.NewPageAsync();
        var response = await page.APIRequest.GetAsync(Dataset + "/images?format=csv");
        Assert.Equal(200, response.Status);
        Assert.StartsWith("text/csv", response.Headers["content-type"]);
        var lines = (await response.TextAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(await site.ScalarAsync("SELECT count(*) FROM image WHERE dataset_id = $1", site.DatasetId) + 1, lines.Length);
        Assert.StartsWith("Id,Start (UTC),Band", lines[0]);
    }

    /// <summary>A PNG file (signature) whose IHDR says <paramref name="width"/> × <paramref name="height"/>.</summary>
    private static void AssertPng(string file, int width, int height)
    {
        var bytes = File.ReadAllBytes(file);
        Assert.True(bytes.Length > 1000, file + " is too small to be a rendered page");
        PngAssert.HasSize(bytes, width, height);
    }
}

[Collection(PostgresSurveySite.Collection)]
public sealed class PostgresBrowserTests(PostgresSurveySite site) : BrowserTests(site);

[Collection(ParquetSurveySite.Collection)]
public sealed class ParquetBrowserTests(ParquetSurveySite site) : BrowserTests(site);
