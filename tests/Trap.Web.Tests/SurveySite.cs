using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using Trap.Engine;
using Trap.Pipeline;
using Trap.Pipeline.Progress;
using Trap.Simulation;
using Trap.Simulation.Output;
using Trap.Storage.Connection;
using Trap.Storage.Loading;
using Trap.Storage.Tests;
using Trap.Web.Data;

namespace Trap.Web.Tests;

/// <summary>
/// A generated survey run through the real pipeline, served by the web site on a free loopback port
/// and opened in Debian's headless Chromium (never a downloaded browser). Two kinds: the dataset
/// loaded into a fresh catalogue database, and the plain Parquet output folder read through DuckDB.
/// </summary>
public abstract class SurveySite : IAsyncLifetime
{
    public const int ViewportWidth = 1280, ViewportHeight = 900;

    private WebApplication? _app;
    private IPlaywright? _playwright;

    /// <summary>
    /// The job folder, whose name is the dataset's name: it holds characters an address must escape
    /// (space, '#', '%', '?', '&amp;', non-ASCII), so every link on the site is tested escaped.
    /// </summary>
    public const string DatasetName = "survey #5 & α 100%?";

    private readonly string _temporary = Directory.CreateTempSubdirectory("trap-web-").FullName;

    protected string Folder => Path.Combine(_temporary, DatasetName);

    public ReadOnlyCatalogue Catalogue { get; private set; } = null!;

    public long DatasetId { get; private set; }

    public string BaseUrl { get; private set; } = "";

    /// <summary>The dataset's address: /datasets/NAME, the name escaped.</summary>
    public string DatasetUrl => BaseUrl + "/datasets/" + Uri.EscapeDataString(DatasetName);

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: under the test output folder, one folder per kind of site.</summary>
    public string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots", GetType().Name);

    /// <summary>The catalogue of the run's output folder, and the id its dataset has there.</summary>
    protected abstract Task<(ReadOnlyCatalogue Catalogue, long DatasetId)> OpenAsync(string outputFolder);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        SurveyWriter.Write(new Survey(new SurveySpec { Seed = 5 }), Folder);
        await File.WriteAllTextAsync(Path.Combine(Folder, "job.cfg"), "[job]\nimages = images/**/*.fits\noutput = output\n");
        RunSummary summary;
        await using (var engine = new LocalEngine())
        {
            summary = await new JobRunner(engine, ProgressReporter.Silent()).RunAsync(Folder);
        }
        (Catalogue, DatasetId) = await OpenAsync(summary.OutputFolder);
        _app = WebServer.Build(Catalogue, "http://127.0.0.1:0");
        await _app.StartAsync();
        BaseUrl = WebServer.Addresses(_app).Single().TrimEnd('/');
        Directory.CreateDirectory(ScreenshotFolder);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    public async Task<IPage> NewPageAsync(int width = ViewportWidth)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = ViewportHeight } });
        return await context.NewPageAsync();
    }

    /// <summary>One text from the catalogue the site reads (e.g. an image's path).</summary>
    public Task<string> TextAsync(string sql, params object[] parameters) =>
        Catalogue.ReadAsync(q => q.SingleAsync(sql, r => r.GetString(0), "no row", parameters), CancellationToken.None);

    /// <summary>One number from the catalogue the site reads (the database's table names on either kind), for checking what the pages show.</summary>
    public Task<long> ScalarAsync(string sql, params object[] parameters) =>
        Catalogue.ReadAsync(q => q.CountAsync(sql, parameters), CancellationToken.None);

    public virtual async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        Catalogue?.Dispose();
        Directory.Delete(_temporary, recursive: true);
    }
}

/// <summary>The run loaded into a fresh PostgreSQL catalogue database (the multi-dataset set-up).</summary>
public sealed class PostgresSurveySite : SurveySite
{
    public const string Collection = "survey site on PostgreSQL";

    private readonly PostgresFixture _postgres = new();

    public DatabaseSettings Database { get; private set; } = null!;

    protected override async Task<(ReadOnlyCatalogue, long)> OpenAsync(string outputFolder)
    {
        await _postgres.InitializeAsync();
        Database = await _postgres.CreateCatalogueAsync();
        var loaded = await new DatasetLoader(Database).LoadFolderAsync(outputFolder);
        return (new PostgresCatalogue(Database), loaded.DatasetId);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _postgres.DisposeAsync();
    }
}

/// <summary>The run's plain Parquet output folder, served in place (`trap web OUTPUT_FOLDER`).</summary>
public sealed class ParquetSurveySite : SurveySite
{
    public const string Collection = "survey site on a Parquet folder";

    protected override Task<(ReadOnlyCatalogue, long)> OpenAsync(string outputFolder) =>
        Task.FromResult<(ReadOnlyCatalogue, long)>((new ParquetCatalogue(outputFolder), ParquetCatalogue.DatasetId));
}

[CollectionDefinition(PostgresSurveySite.Collection)]
public sealed class PostgresSurveySiteCollection : ICollectionFixture<PostgresSurveySite>;

[CollectionDefinition(ParquetSurveySite.Collection)]
public sealed class ParquetSurveySiteCollection : ICollectionFixture<ParquetSurveySite>;
