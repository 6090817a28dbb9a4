using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Trap.Web.Tests;

/// <summary>Datasets addressed by name (escaped), old id addresses moved to it, and sorting on every list, in both kinds of site.</summary>
public abstract class AddressBrowserTests(SurveySite site)
{
    private static readonly string EscapedName = Uri.EscapeDataString(SurveySite.DatasetName);

    [Fact]
    public async Task AnIdAddressMovesPermanentlyToTheNameAddressWithItsPathAndQuery()
    {
        var page = await site.NewPageAsync();
        var source = await site.ScalarAsync("SELECT min(runcat_id) FROM runningcatalog WHERE dataset_id = $1", site.DatasetId);
        var byId = site.BaseUrl + "/datasets/" + site.DatasetId.ToString(CultureInfo.InvariantCulture) + "/sources/" + source + "?logflux=1";
        var moved = await page.APIRequest.GetAsync(byId, new APIRequestContextOptions { MaxRedirects = 0 });
        Assert.Equal(308, moved.Status);
        Assert.Equal("/datasets/" + EscapedName + "/sources/" + source + "?logflux=1", moved.Headers["location"]);

        // A bookmark of the id form opens the page under its name.
        var response = await page.GotoAsync(byId);
        Assert.Equal(200, response!.Status);
        Assert.Equal(site.DatasetUrl + "/sources/" + source + "?logflux=1", page.Url);
        Assert.Equal($"Source {source} of {SurveySite.DatasetName}", await page.InnerTextAsync("h1"));
    }

    [Fact]
    public async Task EveryLinkNamesTheDatasetEscapedAndWorks()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "/");
        await page.ClickAsync("#datasets a:text-is('" + SurveySite.DatasetName + "')");
        await page.WaitForURLAsync(site.DatasetUrl);
        Assert.Equal(SurveySite.DatasetName, await page.InnerTextAsync("h1"));

        // Every address below the dataset, on its pages, names it by its escaped name.
        foreach (var path in new[] { "", "/images", "/sources?mindatapoints=2", "/candidates" })
        {
            await page.GotoAsync(site.DatasetUrl + path);
            var hrefs = await page.Locator("a[href^='/datasets/'], img[src^='/datasets/']")
                .EvaluateAllAsync<string[]>("es => es.map(e => e.getAttribute('href') ?? e.getAttribute('src'))");
            Assert.NotEmpty(hrefs);
            Assert.All(hrefs, href => Assert.StartsWith("/datasets/" + EscapedName, href));
        }
        await page.ClickAsync("nav.tabs a:text-is('Catalogue')");
        await page.WaitForURLAsync(new Regex("/sources$"));
        Assert.Equal("Catalogue of " + SurveySite.DatasetName, await page.InnerTextAsync("h1"));
    }

    [Fact]
    public async Task TheImagesListSortsByAColumnAndKeepsTheOrderWhenFiltered()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.DatasetUrl + "/images");
        await page.ClickAsync("#images th a:text-is('rms_qc (Jy)')");
        await page.WaitForURLAsync(new Regex("sort=rmsqc&dir=asc"));
        var ascending = await RmsQcAsync(page);
        Assert.True(ascending.Count > 10);
        Assert.Equal(ascending.Order(), ascending);
        await page.ClickAsync("#images th a:has-text('rms_qc (Jy)')");
        await page.WaitForURLAsync(new Regex("dir=desc"));
        var descending = await RmsQcAsync(page);
        Assert.Equal(descending.OrderDescending(), descending);
        Assert.True(descending[0] > ascending[0]);

        // The filter form keeps the order.
        await page.SelectOptionAsync("select[name=status]", "accepted");
        await page.ClickAsync("form.filters button");
        await page.WaitForURLAsync(new Regex("status=accepted"));
        Assert.Contains("sort=rmsqc", page.Url);
        var accepted = await RmsQcAsync(page);
        Assert.Equal(accepted.OrderDescending(), accepted);
    }

    [Fact]
    public async Task AnImagesSourcesAndTheDatasetsSortByAColumn()
    {
        var page = await site.NewPageAsync();
        var image = await site.ScalarAsync("SELECT image_id FROM image WHERE dataset_id = $1 AND accepted ORDER BY n_sources DESC, image_id LIMIT 1", site.DatasetId);
        await page.GotoAsync(site.DatasetUrl + "/images/" + image + "?sort=fint&dir=desc");
        var column = await page.Locator("#sources th").AllInnerTextsAsync();
        var fluxColumn = column.ToList().FindIndex(h => h.StartsWith("f_int", StringComparison.Ordinal)) + 1;
        var fluxes = (await page.Locator($"#sources tbody tr td:nth-child({fluxColumn})").AllInnerTextsAsync())
            .Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToList();
        Assert.True(fluxes.Count > 2);
        Assert.Equal(fluxes.OrderDescending(), fluxes);

        await page.GotoAsync(site.BaseUrl + "/");
        Assert.True(await page.Locator("#datasets th a.sort").CountAsync() >= 5);
        await page.ClickAsync("#datasets th a:text-is('Name')");
        await page.WaitForURLAsync(new Regex("sort=name"));
        Assert.Equal(1, await page.Locator("#datasets tbody tr").CountAsync());
    }

    /// <summary>The rms_qc column of the images list (rejected images may have none: they sort last and are left out here).</summary>
    private static async Task<List<double>> RmsQcAsync(IPage page)
    {
        var headers = (await page.Locator("#images th").AllInnerTextsAsync()).ToList();
        var index = headers.FindIndex(h => h.StartsWith("rms_qc", StringComparison.Ordinal)) + 1;
        return (await page.Locator($"#images tbody tr td:nth-child({index})").AllInnerTextsAsync())
            .Where(t => t.Length > 0 && t != "—").Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToList();
    }
}

[Collection(PostgresSurveySite.Collection)]
public sealed class PostgresAddressBrowserTests(PostgresSurveySite site) : AddressBrowserTests(site);

[Collection(ParquetSurveySite.Collection)]
public sealed class ParquetAddressBrowserTests(ParquetSurveySite site) : AddressBrowserTests(site);
