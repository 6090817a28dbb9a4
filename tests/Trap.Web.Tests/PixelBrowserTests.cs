using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Trap.Formats.Fits;

namespace Trap.Web.Tests;

/// <summary>Pixels and the details of issue 16 (stamps, image previews, limits, downloads, sorting, sexagesimal cones) on a real run, in both kinds of site.</summary>
public abstract class PixelBrowserTests(SurveySite site)
{
    private string Dataset => site.DatasetUrl;

    /// <summary>A new-source candidate: it has images before its first detection, so every kind of stamp and limit.</summary>
    private Task<long> NewSourceCandidateAsync() => site.ScalarAsync(
        "SELECT min(c.runcat_id) FROM candidate c JOIN newsource n ON n.dataset_id = c.dataset_id AND n.runcat_id = c.runcat_id WHERE c.dataset_id = $1",
        site.DatasetId);

    [Fact]
    public async Task ACandidatesPageShowsItsStampsLimitsAndDownloads()
    {
        var runcat = await NewSourceCandidateAsync();
        var page = await site.NewPageAsync();
        await page.GotoAsync(Dataset + "/sources/" + runcat);

        // One stamp per measured epoch (the survey's light curves are shorter than the gallery's cap), each a 48×48 PNG.
        var measured = await site.ScalarAsync("SELECT count(DISTINCT image_id) FROM assocxtrsource WHERE dataset_id = $1 AND runcat_id = $2", site.DatasetId, runcat);
        Assert.InRange(measured, 1, 60);
        Assert.Equal(measured, await page.Locator("#stamps figure.stamp:not(.before)").CountAsync());
        var before = await page.Locator("#stamps figure.stamp.before").CountAsync();
        Assert.InRange(before, 1, 6);
        foreach (var src in await page.Locator("#stamps img").EvaluateAllAsync<string[]>("imgs => imgs.map(i => i.getAttribute('src'))"))
        {
            var response = await page.APIRequest.GetAsync(site.BaseUrl + src);
            Assert.Equal(200, response.Status);
            Assert.Equal("image/png", response.Headers["content-type"]);
            PngAssert.HasSize(await response.BodyAsync(), 48, 48);
        }
        // A detection's stamp shows the source: its centre is far brighter than the stamp's typical (noise) pixel.
        var detection = await page.Locator("#stamps figure.stamp.detection img").First.GetAttributeAsync("src");
        var bytes = await (await page.APIRequest.GetAsync(site.BaseUrl + detection)).BodyAsync();
        await File.WriteAllBytesAsync(Path.Combine(site.ScreenshotFolder, "detection-stamp.png"), bytes);
        var png = BigGustave.Png.Open(bytes);
        var greys = Enumerable.Range(0, 48 * 48).Select(i => (int)png.GetPixel(i % 48, i / 48).R).Order().ToList();
        var centre = Enumerable.Range(23, 2).SelectMany(y => Enumerable.Range(23, 2).Select(x => (int)png.GetPixel(x, y).R)).Max();
        Assert.True(centre > greys[greys.Count / 2] + 100, $"centre {centre}, median {greys[greys.Count / 2]} in {detection}");

        // The epochs before detection are upper limits on the light curve as well.
        Assert.True(await page.Locator("#lightcurves svg g.pt.before").CountAsync() >= before);

        // The legend of every panel lies above its frame, so it covers no point (the trigger included).
        foreach (var svg in await page.Locator("#lightcurves svg, #combined-lightcurve svg").AllAsync())
        {
            var frameTop = await svg.Locator("rect.frame").EvaluateAsync<double>("r => r.getBBox().y");
            foreach (var legend in await svg.Locator("g.legend").AllAsync())
            {
                Assert.True(await legend.EvaluateAsync<double>("g => { const b = g.getBBox(); return b.y + b.height; }") <= frameTop + 0.5);
            }
        }

        // The cut-out FITS of the first stamp: 48×48 with a WCS that puts the source at its centre.
        var fitsLink = await page.Locator("#stamps figure.stamp a", new() { HasTextString = "FITS" }).First.GetAttributeAsync("href");
        var fits = await page.APIRequest.GetAsync(site.BaseUrl + fitsLink);
        Assert.Equal(200, fits.Status);
        var (hdu, _) = FitsFile.ReadImage(new MemoryStream(await fits.BodyAsync()), "cutout");
        Assert.Equal([48, 48], hdu.Axes);

        var links = await page.Locator("a.external").AllInnerTextsAsync();
        Assert.Contains("TNS", links);
        Assert.Contains("VizieR", links);

        // The VOEvent the run wrote, from the folder or from the database's voevent table alike.
        var voevent = await page.APIRequest.GetAsync(Dataset + "/sources/" + runcat + "/voevent.xml");
        Assert.Equal(1, await page.Locator("a.voevent").CountAsync());
        Assert.Equal(200, voevent.Status);
        Assert.Equal("application/xml", voevent.Headers["content-type"]);
        var ivorn = await site.TextAsync("SELECT ivorn FROM candidate WHERE dataset_id = $1 AND runcat_id = $2", site.DatasetId, runcat);
        Assert.Contains("ivorn=\"" + ivorn + "\"", await voevent.TextAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.ScreenshotFolder, "candidate-stamps.png"), FullPage = true });

        await page.GotoAsync(Dataset + "/sources/" + runcat + "?logflux=1");
        Assert.Contains("log", await page.Locator("#lightcurves svg text.axis-label").Last.TextContentAsync());
    }

    [Fact]
    public async Task EveryCandidateShowsAStampOfItsPeak()
    {
        var candidates = await site.ScalarAsync("SELECT count(*) FROM candidate WHERE dataset_id = $1", site.DatasetId);
        Assert.True(candidates > 0);
        var page = await site.NewPageAsync();
        await page.GotoAsync(Dataset + "/candidates");
        var thumbs = await page.Locator("#candidates img.thumb").EvaluateAllAsync<string[]>("imgs => imgs.map(i => i.getAttribute('src'))");
        Assert.Equal(candidates, thumbs.Length);
        var stamp = await page.APIRequest.GetAsync(site.BaseUrl + thumbs[0]);
        PngAssert.HasSize(await stamp.BodyAsync(), 48, 48);
        // The CSV keeps the peak's image id in that column.
        var csv = await (await page.APIRequest.GetAsync(Dataset + "/candidates?format=csv")).TextAsync();
        Assert.StartsWith("Source,At peak,Class", csv);
    }

    [Fact]
    public async Task TheImagePageShowsItsPixelsUnderItsSourcesAndPagesItsTable()
    {
        var image = await site.ScalarAsync("SELECT image_id FROM image WHERE dataset_id = $1 AND accepted ORDER BY n_sources DESC, image_id LIMIT 1", site.DatasetId);
        var sources = await site.ScalarAsync("SELECT count(*) FROM extractedsource WHERE dataset_id = $1 AND image_id = $2", site.DatasetId, image);
        var page = await site.NewPageAsync();
        await page.GotoAsync(Dataset + "/images/" + image);
        var background = await page.Locator("#image-map svg image.background").GetAttributeAsync("href");
        var preview = await page.APIRequest.GetAsync(site.BaseUrl + background);
        Assert.Equal(200, preview.Status);
        Assert.Equal("image/png", preview.Headers["content-type"]);
        // Every source is drawn over the pixels; the table shows one page of them.
        Assert.Equal(sources, await page.Locator("#image-map svg g.pt").CountAsync());
        Assert.Equal(Math.Min(sources, 200), await page.Locator("#sources tbody tr").CountAsync());
        Assert.Contains($"rows 1–{Math.Min(sources, 200)} of {sources}", await page.InnerTextAsync(".pager"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.ScreenshotFolder, "image-pixels.png"), FullPage = true });
    }

    [Fact]
    public async Task AnImageWhoseFileIsGoneSaysSoWherePixelsWouldBe()
    {
        var runcat = await NewSourceCandidateAsync();
        var image = await site.ScalarAsync("SELECT min(image_id) FROM assocxtrsource WHERE dataset_id = $1 AND runcat_id = $2", site.DatasetId, runcat);
        var path = await site.TextAsync("SELECT url FROM image WHERE dataset_id = $1 AND image_id = $2", site.DatasetId, image);
        File.Move(path, path + ".away");
        try
        {
            var page = await site.NewPageAsync();
            await page.GotoAsync(Dataset + "/images/" + image);
            Assert.Contains("no longer reachable", await page.InnerTextAsync(".missing-pixels"));
            Assert.Equal(0, await page.Locator("#image-map svg image.background").CountAsync());
            await page.GotoAsync(Dataset + "/sources/" + runcat);
            Assert.Equal(1, await page.Locator($"#stamps figure.stamp[data-image=\"{image}\"] .nopixels").CountAsync());
            Assert.Contains("no longer reachable", await page.InnerTextAsync("#stamps .missing-pixels"));
            var stamp = await page.APIRequest.GetAsync(Dataset + "/images/" + image + "/stamp.png?ra=10&dec=10");
            Assert.Equal(404, stamp.Status);
            Assert.Contains("no longer reachable", await stamp.TextAsync());
        }
        finally
        {
            File.Move(path + ".away", path);
        }
    }

    [Fact]
    public async Task APagePastTheEndSaysThereIsNoSuchPage()
    {
        var images = await site.ScalarAsync("SELECT count(*) FROM image WHERE dataset_id = $1", site.DatasetId);
        var page = await site.NewPageAsync();
        await page.GotoAsync(Dataset + "/images?page=99");
        Assert.Equal($"There is no page 99: the list has {images} rows, on 1 page(s).", await page.InnerTextAsync(".pager .past-end"));
        await page.ClickAsync(".pager a");
        Assert.Contains($"rows 1–{images} of {images}", await page.InnerTextAsync(".pager"));
    }

    [Fact]
    public async Task RejectedImagesKeepTheHeaderFactsTheirFilesHad()
    {
        // An image rejected by QC (not unreadable) keeps its header's time, frequency and centre (#16 item 8).
        var withHeader = await site.ScalarAsync(
            "SELECT count(*) FROM image WHERE dataset_id = $1 AND NOT accepted AND start_utc IS NOT NULL AND freq_eff_hz IS NOT NULL AND centre_ra_deg IS NOT NULL",
            site.DatasetId);
        Assert.True(withHeader > 0, "the survey has images rejected for their quality");
        var page = await site.NewPageAsync();
        await page.GotoAsync(Dataset + "/images?status=rejected");
        var shown = 0;
        foreach (var row in await page.Locator("#images tbody tr.rejected").AllAsync())
        {
            var cells = await row.Locator("td").AllInnerTextsAsync();
            if (cells[1].Length > 0 && cells[3].Length > 0 && cells[6].Length > 0) shown++;
        }
        Assert.Equal(withHeader, shown);
    }

    [Fact]
    public async Task ASexagesimalConeFindsWhatTheDecimalOneFinds()
    {
        var source = await site.ScalarAsync("SELECT min(runcat_id) FROM runningcatalog WHERE dataset_id = $1", site.DatasetId);
        var page = await site.NewPageAsync();
        await page.GotoAsync(Dataset + "/sources/" + source);
        var facts = await page.Locator("dl.facts dd").AllInnerTextsAsync();
        var degrees = facts[0].Split(',', StringSplitOptions.TrimEntries);
        var sexagesimal = facts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        async Task<IReadOnlyList<string>> Cone(string ra, string dec)
        {
            await page.GotoAsync(Dataset + "/sources?radius=0.3&ra=" + Uri.EscapeDataString(ra) + "&dec=" + Uri.EscapeDataString(dec));
            return await page.Locator("#catalogue tbody tr td:first-child").AllInnerTextsAsync();
        }
        var byDegrees = await Cone(degrees[0], degrees[1]);
        Assert.Contains(source.ToString(CultureInfo.InvariantCulture), byDegrees);
        Assert.Equal(byDegrees, await Cone(sexagesimal[0], sexagesimal[1]));
    }

    [Fact]
    public async Task ClickingAColumnHeaderSortsTheList()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(Dataset + "/sources?mindatapoints=2");
        await page.ClickAsync("#catalogue th a:text-is('Datapoints')");
        await page.WaitForURLAsync(new Regex("sort=datapoints"));
        var ascending = (await page.Locator("#catalogue tbody tr td:nth-child(4)").AllInnerTextsAsync()).Select(int.Parse).ToList();
        Assert.Equal(ascending.Order(), ascending);
        // The sorted page's header offers the other direction; waiting for that link (not any Datapoints
        // link) also waits for the new page, so a slow load cannot make the click land on the old one.
        await page.ClickAsync("#catalogue th a[href*='sort=datapoints'][href*='dir=desc']");
        await page.WaitForURLAsync(new Regex("dir=desc"));
        var descending = (await page.Locator("#catalogue tbody tr td:nth-child(4)").AllInnerTextsAsync()).Select(int.Parse).ToList();
        Assert.Equal(descending.OrderDescending(), descending);
        Assert.True(descending[0] > ascending[0], "the survey's light curves differ in length");

        await page.GotoAsync(Dataset + "/candidates?sort=score&dir=asc");
        var scores = (await page.Locator("#candidates tbody tr td:nth-child(4)").AllInnerTextsAsync()).Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(scores.Order(), scores);
    }

    [Fact]
    public async Task AWideTableUsesTheWholeWindow()
    {
        var page = await site.NewPageAsync(width: 1900);
        await page.GotoAsync(Dataset + "/candidates");
        // The table's scrolling box spans the window (less the page's margins), not a fixed 1,400 px.
        var box = await page.Locator("#candidates").EvaluateAsync<int>("t => t.parentElement.clientWidth");
        Assert.True(box > 1800, $"the table's box is {box} px wide in a 1900 px window");
    }
}

[Collection(PostgresSurveySite.Collection)]
public sealed class PostgresPixelBrowserTests(PostgresSurveySite site) : PixelBrowserTests(site);

[Collection(ParquetSurveySite.Collection)]
public sealed class ParquetPixelBrowserTests(ParquetSurveySite site) : PixelBrowserTests(site);
