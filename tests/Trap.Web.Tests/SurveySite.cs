using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using Npgsql;
using Trap.Engine;
using Trap.Pipeline;
using Trap.Pipeline.Progress;
using Trap.Simulation;
using Trap.Simulation.Output;
using Trap.Storage.Connection;
using Trap.Storage.Loading;
using Trap.Storage.Tests;

namespace Trap.Web.Tests;

/// <summary>
/// A generated survey run through the real pipeline, loaded into a fresh catalogue database, served
/// by the web site on a free loopback port and opened in Debian's headless Chromium (never a
/// downloaded browser). Shared by the browser tests.
/// </summary>
public sealed class SurveySite : IAsyncLifetime
{
    public const int ViewportWidth = 1280, ViewportHeight = 900;

    private readonly PostgresFixture _postgres = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("trap-web-").FullName;
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public DatabaseSettings Database { get; private set; } = null!;

    public long DatasetId { get; private set; }

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: under the test output folder.</summary>
    public string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        await _postgres.InitializeAsync();
        Database = await _postgres.CreateCatalogueAsync();
        SurveyWriter.Write(new Survey(new SurveySpec { Seed = 5 }), _folder);
        await File.WriteAllTextAsync(Path.Combine(_folder, "job.cfg"), "[job]\nimages = images/**/*.fits\noutput = output\n");
        await using (var engine = new LocalEngine())
        {
            var summary = await new JobRunner(engine, ProgressReporter.Silent()).RunAsync(_folder);
            DatasetId = (await new DatasetLoader(Database).LoadFolderAsync(summary.OutputFolder)).DatasetId;
        }
        _app = WebServer.Build(Database, "http://127.0.0.1:0");
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

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = ViewportWidth, Height = ViewportHeight } });
        return await context.NewPageAsync();
    }

    /// <summary>One number from the database, for checking what the pages show.</summary>
    public async Task<long> ScalarAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters) command.Parameters.Add(new NpgsqlParameter { Value = p });
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        await _postgres.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class SurveySiteCollection : ICollectionFixture<SurveySite>
{
    public const string Name = "survey site";
}
